import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

/** What the tests read from a PDF, parsed by pdf.js (as a PDF viewer would), never by grepping bytes. */
export interface ReadPdf {
  pages: { width: number; height: number; text: string; items: TextItem[] }[];
  outline: OutlineItem[];
  title?: string;
  author?: string;
}

export interface TextItem {
  text: string;
  x: number;
  y: number;
}

interface OutlineItem {
  title: string;
  pageIndex: number;
  children: OutlineItem[];
}

async function readOutline(doc: PDFDocumentProxy): Promise<OutlineItem[]> {
  type Node = Awaited<ReturnType<PDFDocumentProxy["getOutline"]>>[number];
  const convert = async (nodes: Node[] | null): Promise<OutlineItem[]> =>
    Promise.all(
      (nodes ?? []).map(async (node) => {
        const dest = typeof node.dest === "string" ? await doc.getDestination(node.dest) : node.dest;
        const target = dest?.[0];
        const pageIndex = target && typeof target === "object" && "num" in target ? await doc.getPageIndex(target) : -1;
        return { title: node.title, pageIndex, children: await convert(node.items) };
      }),
    );
  return convert(await doc.getOutline());
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  try {
    const pages: ReadPdf["pages"] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) =>
        "str" in item && item.str.trim() ? [{ text: item.str, x: item.transform[4], y: item.transform[5] }] : [],
      );
      pages.push({ width: x1 - x0, height: y1 - y0, text: items.map((item) => item.text).join(" "), items });
    }
    const { info } = (await doc.getMetadata()) as { info: { Title?: string; Author?: string } };
    return { pages, outline: await readOutline(doc), title: info.Title, author: info.Author };
  } finally {
    await doc.destroy();
  }
}

/** Text without any whitespace, to compare what a PDF says regardless of how it split its lines. */
export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** One page rasterised in greys by poppler's pdftoppm (as a print shop would see it). */
export interface GreyImage {
  width: number;
  height: number;
  /** 0 = black … 255 = white, row by row. */
  pixels: Uint8Array;
  dpi: number;
}

export function rasterisePage(pdf: Uint8Array, pageNumber: number, dpi = 50): GreyImage {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-raster-"));
  try {
    const file = path.join(dir, "in.pdf");
    fs.writeFileSync(file, pdf);
    const pgm = execFileSync("pdftoppm", [
      "-gray",
      "-r",
      String(dpi),
      "-f",
      String(pageNumber),
      "-l",
      String(pageNumber),
      file,
    ]);
    // Binary PGM: "P5", width, height, max value, one byte a pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString("latin1"));
    if (!header) throw new Error("pdftoppm did not answer a PGM image");
    const width = Number(header[1]);
    const height = Number(header[2]);
    return {
      width,
      height,
      dpi,
      pixels: new Uint8Array(pgm.subarray(header[0].length, header[0].length + width * height)),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Share of pixels darker than paper and grid lines inside a box given in CSS pixels (96 dpi). */
export function inkShare(
  image: GreyImage,
  box: { x: number; y: number; width: number; height: number },
  darkerThan = 150,
): number {
  const scale = image.dpi / 96;
  const left = Math.max(0, Math.floor(box.x * scale));
  const top = Math.max(0, Math.floor(box.y * scale));
  const right = Math.min(image.width, Math.ceil((box.x + box.width) * scale));
  const bottom = Math.min(image.height, Math.ceil((box.y + box.height) * scale));
  let dark = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) if ((image.pixels[y * image.width + x] ?? 255) < darkerThan) dark++;
  }
  const area = (right - left) * (bottom - top);
  return area > 0 ? dark / area : 0;
}
