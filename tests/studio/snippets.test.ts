import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSheetSource } from "@/lib/content/check";
import { addSectionToRow } from "@/lib/studio/layout-structure";
import { appendBlock, PALETTE_ITEMS, sectionBlock, SNIPPETS, type SnippetId } from "@/lib/studio/snippets";
import { newSheetTemplate } from "@/lib/studio/template";
import { TEST_COURSE } from "../fixtures/test-course";

const course = TEST_COURSE;
const FILE = path.resolve("content/c/01-x/sheet.mdx");
const SHEET = newSheetTemplate(1, "Snippets");

/** The new-sheet template with `text` on its own lines inside its first section. */
function withSnippet(text: string): string {
  return SHEET.replace("- what the chapter says first\n", `- what the chapter says first\n\n${text}\n`);
}

describe("insert palette snippets", () => {
  it("lists Section, the components, a table and the Mermaid templates", () => {
    expect(PALETTE_ITEMS).toEqual([
      "section",
      "box",
      "columns",
      "quote",
      "highlight",
      "term",
      "card",
      "table",
      "mindmap",
      "flowchart",
      "sequence",
      "timeline",
      "pie",
      "quadrant",
      "state",
    ]);
  });

  it.each(Object.keys(SNIPPETS) as SnippetId[])(
    "%s compiles with the sheet compiler and Mermaid's parser",
    async (id) => {
      const source = withSnippet(SNIPPETS[id]);
      expect(await checkSheetSource(source, FILE, course, 1)).toEqual([]);
    },
  );

  it("a new Section placed in the layout and appended to the file compiles", async () => {
    const placed = addSectionToRow(SHEET, 1, "third-idea");
    const source = appendBlock(placed, sectionBlock({ id: "third-idea", icon: "🧪", title: 'THE "THIRD"' }));
    expect(source).toContain('<Section id="third-idea" icon="🧪" title="THE THIRD">');
    expect(source.endsWith("</Section>\n")).toBe(true);
    expect(await checkSheetSource(source, FILE, course, 1)).toEqual([]);
  });

  it("without its place in the layout, the compiler reports the section as unplaced", async () => {
    const source = appendBlock(SHEET, sectionBlock({ id: "lost", icon: "🧪", title: "LOST" }));
    const errors = await checkSheetSource(source, FILE, course, 1);
    expect(errors.map((e) => e.message)).toEqual(['<Section id="lost"> is not placed in the layout: add it to a row']);
  });
});
