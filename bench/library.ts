import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The sample course every copy is made from (24 written sheets, transcripts). */
export const SAMPLE_COURSE = "deep-dive-llms";

export function copyId(index: number): string {
  return `${SAMPLE_COURSE}-copy-${String(index).padStart(2, "0")}`;
}

/**
 * A library of `copies` courses in a temporary folder (for CONTENT_DIR, beside content/): the
 * sample course copied under new ids, as a student who keeps fifty courses would have them.
 * Returns the folder; remove it with fs.rmSync when done.
 */
export function makeLibrary(copies: number, name = "library"): string {
  const root = path.join(os.tmpdir(), `study-sheets-bench-${name}-${process.pid}`);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const sample = path.resolve("content", SAMPLE_COURSE);
  const yaml = fs.readFileSync(path.join(sample, "course.yaml"), "utf8");
  for (let index = 1; index <= copies; index++) {
    const dir = path.join(root, copyId(index));
    fs.cpSync(sample, dir, { recursive: true });
    const copied = yaml
      .replace(/^id: .*$/m, `id: ${copyId(index)}`)
      .replace(/^title: "(.*)"$/m, `title: "$1 (copy ${index})"`);
    fs.writeFileSync(path.join(dir, "course.yaml"), copied);
  }
  return root;
}

/** Number of sheet.mdx files under `root`, to print beside the figures. */
export function countSheets(root: string): number {
  let sheets = 0;
  for (const course of fs.readdirSync(root)) {
    const dir = path.join(root, course);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const chapter of fs.readdirSync(dir)) if (fs.existsSync(path.join(dir, chapter, "sheet.mdx"))) sheets++;
  }
  return sheets;
}
