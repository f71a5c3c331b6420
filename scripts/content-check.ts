/** `npm run content:check`: prints every content error (file:line: field: message); exit 1 if any. */
import { checkAllContent } from "@/lib/content/check";
import { formatContentError } from "@/lib/content/errors";
import { contentRoots } from "@/lib/content/roots";

const report = await checkAllContent();
for (const error of report.errors) console.error(formatContentError(error));
const summary = `${report.sheets} sheets, ${report.diagrams} diagrams in ${contentRoots().join(", ")}`;
if (report.errors.length > 0) {
  console.error(`\n✗ ${report.errors.length} content error(s) — ${summary}`);
  process.exit(1);
}
console.log(`✓ content is valid — ${summary}`);
