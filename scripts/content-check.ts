/**
 * `npm run content:check`: prints every content error (file:line: field: message); exit 1 if any.
 * `-- --fit` also prints each sheet (in Chromium, from the production build or the running app) and
 * reports every section whose text does not fit even at 7 pt (an error) and every diagram whose text
 * prints under 6 pt (a warning). Warnings (also: icons no pack has, fork/join
 * labels) are printed but do not fail the check. `-- --json` prints the report as JSON
 * on stdout for tools. `-- --broken` (run after `next build`) lists the chapters and courses that
 * were built as their error pages, and exits 0.
 */
import { brokenContent, checkAllContent } from "@/lib/content/check";
import { loadAllCourses } from "@/lib/content/course";
import { formatContentError, sortErrors, type ContentError } from "@/lib/content/errors";
import { contentRoots } from "@/lib/content/roots";
import { loadSheet } from "@/lib/content/sheet";
import { pdfBrowser } from "@/lib/pdf/browser";
import { sheetFit } from "@/lib/pdf/fit-check";
import { appServer } from "./app-server";

async function fitProblems(): Promise<{ errors: ContentError[]; warnings: ContentError[] }> {
  const server = await appServer("/");
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  try {
    for (const result of loadAllCourses()) {
      if (!result.ok) continue;
      for (const chapter of result.course.chapters) {
        const sheet = await loadSheet(result.course, chapter);
        if (!sheet?.ok) continue;
        const fit = await sheetFit(server.origin, result.course.id, chapter.number);
        for (const id of fit.overflowing) {
          const section = sheet.sheet.sections.find((s) => s.id === id);
          errors.push({
            file: sheet.sheet.file,
            line: section?.line ?? 1,
            message: `<Section id="${id}"> does not fit its cell even at 7 pt: shorten it or give it more room in the layout`,
          });
        }
        for (const { key, warning } of fit.smallText) {
          const diagram = sheet.sheet.diagrams.find((d) => d.key === key);
          warnings.push({
            file: sheet.sheet.file,
            line: diagram?.line ?? 1,
            message: `Mermaid diagram "${key}": ${warning}`,
          });
        }
      }
    }
  } finally {
    await pdfBrowser().close();
    await server.stop();
  }
  return { errors, warnings };
}

if (process.argv.includes("--broken")) {
  const broken = await brokenContent();
  if (broken.length === 0) console.log("✓ no broken chapters");
  else
    console.warn(
      `⚠ ${broken.length} broken chapter(s) or course(s), built as error pages (npm run content:check for details):`,
    );
  for (const { where, errors } of broken)
    console.warn(`  /courses/${where} — ${errors} error${errors === 1 ? "" : "s"}`);
  process.exit(0);
}

const report = await checkAllContent();
const errors = [...report.errors];
const warnings = [...report.warnings];
if (process.argv.includes("--fit") && errors.length === 0) {
  const fit = await fitProblems();
  errors.push(...fit.errors);
  warnings.push(...sortErrors(fit.warnings));
}
if (process.argv.includes("--json")) {
  const json = {
    ok: errors.length === 0,
    sheets: report.sheets,
    diagrams: report.diagrams,
    errors: errors.map((error) => ({ ...error, text: formatContentError(error) })),
    warnings: warnings.map((warning) => ({ ...warning, text: formatContentError(warning) })),
  };
  console.log(JSON.stringify(json, null, 2));
  process.exit(errors.length > 0 ? 1 : 0);
}
for (const error of errors) console.error(formatContentError(error));
for (const warning of warnings) console.warn(`warning: ${formatContentError(warning)}`);
const summary = `${report.sheets} sheets, ${report.diagrams} diagrams in ${contentRoots().join(", ")}`;
if (errors.length > 0) {
  console.error(`\n✗ ${errors.length} content error(s) — ${summary}`);
  process.exit(1);
}
const warned = warnings.length > 0 ? `, ${warnings.length} warning(s)` : "";
console.log(`✓ content is valid${process.argv.includes("--fit") ? " and every sheet fits" : ""}${warned} — ${summary}`);
