/**
 * `npm run course:new -- --id <id> --title "…" [--title-kr "…"] --author "…" --url <video>
 *   --markers <file> [--transcript <file>]`: writes content/<id>/course.yaml with every chapter of
 * the pasted YouTube chapter markers, and each chapter's source.md from the transcript.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { newCourseInputSchema } from "@/lib/authoring/course-files";
import { createCourse } from "@/lib/authoring/course-share";
import { fail } from "./cli";

const { values } = parseArgs({
  options: {
    id: { type: "string" },
    title: { type: "string" },
    "title-kr": { type: "string" },
    author: { type: "string" },
    url: { type: "string" },
    markers: { type: "string" },
    transcript: { type: "string" },
  },
});
if (!values.markers)
  fail("usage: npm run course:new -- --id <id> --title … --author … --url … --markers <file> [--transcript <file>]");
const input = newCourseInputSchema.safeParse({
  id: values.id,
  title: values.title,
  titleKr: values["title-kr"],
  author: values.author,
  source_url: values.url,
  markers: fs.readFileSync(values.markers, "utf8"),
  transcript: values.transcript ? fs.readFileSync(values.transcript, "utf8") : undefined,
});
if (!input.success) fail(input.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("\n"));
const result = await createCourse(input.data);
if (!result.ok) {
  const file = (field: string) => (field === "markers" ? values.markers : values.transcript);
  const lines = result.problems.map((p) => (typeof p === "string" ? p : `${file(p.field)}:${p.line}: ${p.message}`));
  fail([result.error, ...lines].join("\n"));
}
console.log(`wrote course "${result.id}": ${result.chapters} chapters, ${result.sources} source pages`);
