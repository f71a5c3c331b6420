/**
 * `npm run import:request -- <file> --course <id> [--chapter <n>]`: a cheat-sheet request in the
 * seeds' format → content/<id>/<NN>-<slug>/sheet.mdx (chapter from the request's frontmatter).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { importRequest } from "@/lib/authoring/sheet-create";
import { fail } from "./cli";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { course: { type: "string" }, chapter: { type: "string" } },
});
const [file] = positionals;
if (!file || !values.course) fail("usage: npm run import:request -- <file> --course <id> [--chapter <n>]");
const chapter = values.chapter === undefined ? undefined : Number(values.chapter);
if (chapter !== undefined && !(Number.isInteger(chapter) && chapter >= 1 && chapter <= 99))
  fail("--chapter: a number from 1 to 99");
const result = await importRequest(values.course, fs.readFileSync(file, "utf8"), { chapter });
if (!result.ok) {
  const lines = (result.problems ?? []).map((p) => (typeof p === "string" ? p : `${file}:${p.line}: ${p.message}`));
  fail([result.error, ...lines].join("\n"));
}
console.log(`wrote ${result.file}`);
for (const remark of result.remarks.filter((line) => !line.startsWith("  "))) console.log(`  note: ${remark}`);
