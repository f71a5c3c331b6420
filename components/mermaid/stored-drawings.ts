import { z } from "zod";
import { svgFrameSchema } from "@/lib/mermaid/fit-svg";
import { diagramNoticeSchema } from "@/lib/mermaid/notices";
import { relayoutSchema } from "@/lib/mermaid/relayout";

/**
 * Drawings kept across page loads, in the browser's Cache Storage: a sheet opened again (a reload,
 * the next visit, the PDF browser printing the booklet again) puts its diagrams in without running
 * Mermaid, which is most of the time a sheet with diagrams takes to be ready (about 100 ms a
 * diagram; the booklet's 29 took 3 of its 4.5 s). Kept per build, since another build may draw
 * differently (Mermaid, its configuration, the fonts), and by what the drawing is made from.
 */
const BUILD = process.env.STUDY_SHEETS_BUILD ?? "";
const CACHE_PREFIX = "study-sheets-drawings-";
/** Enough for every diagram of many courses at a couple of sizes; past it the oldest go. */
const KEPT_DRAWINGS = 600;

const storedDrawingSchema = z.object({
  svg: z.string(),
  relayout: relayoutSchema.optional(),
  notices: z.array(diagramNoticeSchema),
  /** The frame it was shown in (lib/mermaid/fit-svg), so it is not measured again. */
  frame: svgFrameSchema.optional(),
});
export type StoredDrawing = z.infer<typeof storedDrawingSchema>;

let opened: Promise<Cache | null> | null = null;

async function deleteOtherBuilds(kept: string): Promise<void> {
  try {
    for (const other of await caches.keys()) {
      if (other.startsWith(CACHE_PREFIX) && other !== kept) await caches.delete(other);
    }
  } catch {
    // Another build's drawings only take room until the next page tries again.
  }
}

/** This build's store, once per page; the stores of other builds are deleted. Null where there is none. */
function drawingsCache(): Promise<Cache | null> {
  opened ??= (async () => {
    // `next dev` (no build to key by) keeps none; nor does a page served over plain http to another
    // machine (Cache Storage and crypto.subtle exist only in secure contexts; localhost is one).
    if (!BUILD || typeof caches === "undefined" || typeof crypto.subtle === "undefined") return null;
    const name = CACHE_PREFIX + BUILD;
    const cache = await caches.open(name);
    // After the open, not before it: each step waits for a free moment of the main thread, which
    // is hydrating the page, and the sheet's first look-up waits for the open.
    void deleteOtherBuilds(name);
    return cache;
  })().catch(() => null);
  return opened;
}

// Opened as soon as a page with a diagram loads, while React hydrates it: opening the store is
// the slow part of a first look-up.
if (typeof window !== "undefined") void drawingsCache();

/** The key as an address of this site that is never fetched (Cache Storage keys are requests). */
async function entryUrl(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${location.origin}/__drawings/${hex}`;
}

/** The drawing kept for `key`, or null (none, another shape, or no store). */
export async function storedDrawing(key: string): Promise<StoredDrawing | null> {
  try {
    const [cache, url] = await Promise.all([drawingsCache(), entryUrl(key)]);
    const response = await cache?.match(url);
    if (!response) return null;
    const parsed = storedDrawingSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // an unreadable entry costs one drawing, nothing else
  }
}

let trimmed = false;

/** Keeps a drawing for the next load; the oldest go past KEPT_DRAWINGS (checked once per page). */
export async function storeDrawing(key: string, drawing: StoredDrawing): Promise<void> {
  try {
    const cache = await drawingsCache();
    if (!cache) return;
    await cache.put(await entryUrl(key), Response.json(drawing));
    if (trimmed) return;
    trimmed = true;
    const entries = await cache.keys();
    for (const oldest of entries.slice(0, Math.max(0, entries.length - KEPT_DRAWINGS))) await cache.delete(oldest);
  } catch {
    // A full or refused store only means the next load draws this diagram again.
  }
}
