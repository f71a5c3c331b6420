/** `npm run course:export -- <id> [-o file.zip] [--with-notes]`: the course as one .zip pack. */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { exportCoursePack } from "@/lib/authoring/course-share";
import { getDb } from "@/lib/db/client";
import { fail } from "./cli";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { output: { type: "string", short: "o" }, "with-notes": { type: "boolean", default: false } },
});
const [id] = positionals;
if (!id) fail("usage: npm run course:export -- <id> [-o file.zip] [--with-notes]");
const pack = await exportCoursePack(id, { withNotes: values["with-notes"] });
if (!pack) fail(`no course "${id}" (or it has content errors: npm run content:check)`);
const target = values.output ?? pack.fileName;
fs.writeFileSync(target, pack.bytes);
console.log(`wrote ${target} (${pack.bytes.length} bytes${values["with-notes"] ? ", with notes" : ""})`);
await getDb().$disconnect();
