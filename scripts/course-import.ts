/**
 * `npm run course:import -- <file.zip> [--as-copy <new-id> | --replace]`: installs a course pack
 * after checking it; a refused pack prints each problem and changes nothing.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { importCoursePack, type InstallChoice } from "@/lib/authoring/course-share";
import { getDb } from "@/lib/db/client";
import { fail } from "./cli";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "as-copy": { type: "string" }, replace: { type: "boolean", default: false } },
});
const [file] = positionals;
if (!file || (values.replace && values["as-copy"]))
  fail("usage: npm run course:import -- <file.zip> [--as-copy <new-id> | --replace]");
const copyId = values["as-copy"];
const choice: InstallChoice = copyId
  ? { mode: "copy", id: copyId }
  : values.replace
    ? { mode: "replace" }
    : { mode: "new" };
const result = await importCoursePack(new Uint8Array(fs.readFileSync(file)), choice);
await getDb().$disconnect();
if (!result.ok)
  fail([`${file}: refused, nothing was installed:`, ...result.problems.map((p) => `  - ${p}`)].join("\n"));
console.log(
  `installed "${result.course}": ${result.sheets} sheets, ${result.notes.imported} new notes, ${result.notes.restored} restored, ${result.notes.updated} updated, ${result.notes.kept} already here`,
);
if (result.keptAside) console.log(`the previous version is kept in ${result.keptAside}`);
