import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildFolder } from "@/lib/build-folder";
import { parseChapterParam } from "@/lib/content/chapter";
import { findChapter, loadCourse, type ChapterEntry, type Course } from "@/lib/content/course";
import { sheetHash } from "@/lib/content/sheet";
import { diagramEditSummary } from "@/lib/diagrams/repository";
import { pdfBrowser } from "@/lib/pdf/browser";
import { chapterPrintPath } from "@/lib/pdf/print-urls";
import { waitForReadySheets } from "@/lib/pdf/ready";
import { A4_ASPECT } from "@/lib/sheet-layout/geometry";

/**
 * Thumbnails of the sheets for the course page: the real print page, photographed by the
 * server's one Chromium (lib/pdf), scaled down, and cached on disk until the sheet, its
 * diagram edits or the app's build change. Made on first request, then served from the cache.
 */

/** Bump when the picture itself changes (size, format) so old files are not served. */
const THUMBNAIL_FORMAT = 1;
/** Pixels wide: twice the card's width, sharp on high-density screens. */
export const THUMBNAIL_WIDTH = 360;
export const THUMBNAIL_HEIGHT = Math.round(THUMBNAIL_WIDTH * A4_ASPECT);
const RENDER_TIMEOUT_MS = 30_000;

function cacheDir(): string {
  return path.resolve(process.env.THUMBNAIL_CACHE_DIR ?? ".cache/thumbnails");
}

let buildId: string | undefined;
/** The app build the picture was taken with: a new build may draw sheets differently. */
function currentBuildId(): string {
  buildId ??= (() => {
    try {
      return fs.readFileSync(path.join(buildFolder(), "BUILD_ID"), "utf8").trim();
    } catch {
      return "development";
    }
  })();
  return buildId;
}

/** Diagram edits of each chapter of a course, as a stamp that changes with every edit. */
async function diagramEditStamps(course: string): Promise<Map<number, string>> {
  const rows = await diagramEditSummary(course);
  return new Map(rows.map((row) => [row.chapter, `${row.count}:${row.lastEditAt?.getTime() ?? 0}`]));
}

function thumbnailKey(
  course: string,
  chapter: ChapterEntry,
  sheetStamp: string,
  editStamp: string | undefined,
): string {
  const parts = [THUMBNAIL_FORMAT, currentBuildId(), course, chapter.number, sheetStamp, editStamp ?? "no-edits"];
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}

/** The current thumbnail key of every written chapter of a course (one query for all). */
export async function thumbnailKeys(course: Course): Promise<Map<number, string>> {
  const edits = await diagramEditStamps(course.id);
  const keys = new Map<number, string>();
  for (const chapter of course.chapters) {
    const version = sheetHash(chapter);
    if (version) keys.set(chapter.number, thumbnailKey(course.id, chapter, version, edits.get(chapter.number)));
  }
  return keys;
}

export function thumbnailUrl(course: string, chapter: number, key: string): string {
  return `/api/thumbnails/${encodeURIComponent(course)}/${chapter}?v=${key}`;
}

/** Photographs the print page's sheet and scales it down in the same page (canvas → WebP). */
async function photograph(page: Page, url: string): Promise<Buffer> {
  const response = await page.goto(url, { waitUntil: "load", timeout: RENDER_TIMEOUT_MS });
  if (!response?.ok()) throw new Error(`the print page ${url} answered ${response?.status() ?? "nothing"}`);
  const sheet = page.locator("[data-sheet]").first();
  await waitForReadySheets(page, { url, sheets: 1, timeoutMs: RENDER_TIMEOUT_MS });
  const png = await sheet.screenshot({ type: "png", animations: "disabled" });
  const dataUrl = await page.evaluate(
    async ({ base64, width, height }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d canvas");
      context.imageSmoothingQuality = "high";
      context.drawImage(image, 0, 0, width, height);
      return canvas.toDataURL("image/webp", 0.85);
    },
    { base64: png.toString("base64"), width: THUMBNAIL_WIDTH, height: THUMBNAIL_HEIGHT },
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
}

const rendering = new Map<string, Promise<void>>();

async function renderToCache(file: string, url: string): Promise<void> {
  const picture = await pdfBrowser().withPage((page) => photograph(page, url));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, picture);
  fs.renameSync(partial, file);
  // Older pictures of the same chapter are outdated now.
  const prefix = `${path.basename(file).split("-")[0]}-`;
  for (const name of fs.readdirSync(path.dirname(file))) {
    if (name.startsWith(prefix) && name !== path.basename(file) && !name.endsWith(".partial"))
      fs.rmSync(path.join(path.dirname(file), name), { force: true });
  }
}

export type ThumbnailLookup = { kind: "found"; picture: Buffer; key: string } | { kind: "not-found"; error: string };

/**
 * The thumbnail of a chapter (WebP), from the cache or photographed now from `origin` (this
 * server). Concurrent requests for the same picture share one rendering.
 */
export async function chapterThumbnail(
  courseId: string,
  chapterParam: string,
  origin: string,
): Promise<ThumbnailLookup> {
  const result = loadCourse(courseId);
  const number = parseChapterParam(chapterParam);
  const chapter = result?.ok && number !== null ? findChapter(result.course, number) : undefined;
  if (!result?.ok || !chapter)
    return { kind: "not-found", error: `there is no chapter "${chapterParam}" in a course "${courseId}"` };
  const version = sheetHash(chapter);
  if (!version) return { kind: "not-found", error: `chapter ${chapter.number} of "${courseId}" is not written yet` };
  const edits = await diagramEditStamps(courseId);
  const key = thumbnailKey(courseId, chapter, version, edits.get(chapter.number));
  const file = path.join(cacheDir(), courseId, `${chapter.number}-${key}.webp`);
  if (!fs.existsSync(file)) {
    let pending = rendering.get(file);
    if (!pending) {
      pending = renderToCache(file, new URL(chapterPrintPath(courseId, chapter.number), origin).href).finally(() =>
        rendering.delete(file),
      );
      rendering.set(file, pending);
    }
    await pending;
  }
  return { kind: "found", picture: await fs.promises.readFile(file), key };
}
