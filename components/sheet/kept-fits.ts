import { z } from "zod";
import type { SectionFit } from "@/lib/sheet-layout/fit";

/**
 * What each section fitted to, kept across page loads in localStorage: a sheet opened again (a
 * reload, the next visit, the PDF browser printing the booklet again) takes its sections' sizes
 * without probing (a layout of the page a probe; the booklet's 24 sheets spent about half a second
 * on them). Kept per build, since another build may lay text out differently (CSS, fonts), and per
 * media: the print page is laid out for print. Read at once (synchronously): the sizes are given
 * before the page is first laid out.
 */
const BUILD = process.env.STUDY_SHEETS_BUILD ?? "";
const KEY_PREFIX = "study-sheets-fits-";
/** Enough for the sections of many courses, in screen and print; past it the longest unused go. */
const KEPT_FITS = 4000;
const SAVE_DELAY_MS = 250;

const sectionFitSchema = z.object({
  size: z.number(),
  fits: z.boolean(),
  content: z.string(),
  width: z.number(),
  height: z.number(),
  fill: z.number(),
});
const keptFitsSchema = z.array(z.tuple([z.string(), sectionFitSchema]));

function storage(): Storage | null {
  try {
    // `next dev` (no build to key by) keeps none.
    return BUILD && typeof localStorage !== "undefined" ? localStorage : null;
  } catch {
    return null; // storage refused (a sandboxed frame, a privacy setting)
  }
}

const storageKey = KEY_PREFIX + BUILD;

/** This build's kept fits, in the order last used; other builds' are deleted. Empty where there is no storage. */
function readKeptFits(): Map<string, SectionFit> {
  const store = storage();
  if (!store) return new Map();
  try {
    for (let index = store.length - 1; index >= 0; index--) {
      const key = store.key(index);
      if (key?.startsWith(KEY_PREFIX) && key !== storageKey) store.removeItem(key);
    }
    const parsed = keptFitsSchema.safeParse(JSON.parse(store.getItem(storageKey) ?? "[]"));
    return new Map(parsed.success ? parsed.data : []);
  } catch {
    return new Map(); // unreadable: every section is fitted again, and the next save replaces it
  }
}

/** Where each section's fit is remembered: the key names the media too (print lays out for print). */
export function fitKey(sheetLabel: string, section: string): string {
  const media = typeof matchMedia === "function" && matchMedia("print").matches ? "print" : "screen";
  return `${media}\n${sheetLabel}\n${section}`;
}

/** Every fit of this page load, from the kept ones on: the one map the sheets fit with. */
export const sectionFits: Map<string, SectionFit> =
  typeof window === "undefined" ? new Map<string, SectionFit>() : readKeptFits();

let saveTimer: ReturnType<typeof setTimeout> | null = null;

function save() {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  const store = storage();
  if (!store) return;
  const entries = [...sectionFits].slice(-KEPT_FITS);
  try {
    store.setItem(storageKey, JSON.stringify(entries));
  } catch {
    // A full store only means the next load fits these sections again.
  }
}

/** Keeps the fits for the next load, soon (one write for many sheets fitted together) or as the page goes. */
export function keepFits(): void {
  if (!storage() || saveTimer) return;
  saveTimer = setTimeout(save, SAVE_DELAY_MS);
}

if (typeof window !== "undefined") {
  addEventListener("pagehide", () => {
    if (saveTimer) save();
  });
}
