import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Course } from "@/lib/content/course";
import { formatContentError } from "@/lib/content/errors";
import { compileSheetSource } from "@/lib/content/sheet";

const course: Course = {
  id: "test",
  title: "Test course",
  author: "Tester",
  sourceUrl: "https://example.com/video",
  dir: path.resolve("tests/fixtures"),
  chapters: [],
};

async function errorsOf(source: string): Promise<string[]> {
  const result = await compileSheetSource(source, path.resolve("content/test/01-x/sheet.mdx"), course);
  return result.ok ? [] : result.errors.map(formatContentError);
}

const GOOD = `---
chapter: 1
title: "Good"
layout:
  - { height: 20, sections: [title] }
  - { height: 80, sections: [a, b] }
---

<Section id="a" icon="🅰️" title="A">

text with <Highlight color="green">marker</Highlight>

</Section>

<Section id="b" icon="🅱️" title="B">

\`\`\`mermaid
flowchart LR
  X --> Y
\`\`\`

</Section>
`;

describe("sheet compilation", () => {
  it("compiles a good sheet and records its sections and diagrams", async () => {
    const result = await compileSheetSource(GOOD, path.resolve("content/test/01-x/sheet.mdx"), course);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sheet.sections.map((s) => s.id)).toEqual(["a", "b"]);
    expect(result.sheet.diagrams).toEqual([{ key: "b/1", section: "b", line: 17, code: "flowchart LR\n  X --> Y" }]);
    expect(result.sheet.author).toBe("Tester");
  });

  it("names file, line and field for a height sum error", async () => {
    const errors = await errorsOf(GOOD.replace("height: 80", "height: 70"));
    expect(errors).toEqual([expect.stringMatching(/^content\/test\/01-x\/sheet\.mdx:5: layout: row heights must sum to 100, they sum to 90/)]);
  });

  it("names the row for a width sum error", async () => {
    const errors = await errorsOf(GOOD.replace("sections: [a, b]", "sections: [{ id: a, width: 50 }, { id: b, width: 40 }]"));
    expect(errors).toEqual([expect.stringContaining("sheet.mdx:6: layout[1].sections: section widths in row 2 must sum to 100")]);
  });

  it("reports a layout id without a section at its line", async () => {
    const errors = await errorsOf(GOOD.replace("sections: [a, b]", "sections: [a, b, c]"));
    expect(errors).toEqual([expect.stringContaining('sheet.mdx:6: layout[1].sections[2]: the layout places "c" but there is no <Section id="c">')]);
  });

  it("reports a section that is not placed, at the section's line", async () => {
    const errors = await errorsOf(GOOD.replace("sections: [a, b]", "sections: [a]").replace("height: 80", "height: 80"));
    expect(errors).toEqual([expect.stringContaining('sheet.mdx:15: <Section id="b"> is not placed in the layout')]);
  });

  it("reports duplicate ids in the layout and duplicate sections", async () => {
    const layoutDup = await errorsOf(GOOD.replace("sections: [a, b]", "sections: [a, a, b]"));
    expect(layoutDup.join("\n")).toContain('sheet.mdx:6: layout[1].sections[1]: duplicate section id "a"');
    const sectionDup = await errorsOf(GOOD + '\n<Section id="a" icon="🔁" title="A again">\n\nx\n\n</Section>\n');
    expect(sectionDup.join("\n")).toContain('sheet.mdx:24:1: duplicate <Section id="a">');
  });

  it("reports unknown components with their line", async () => {
    const errors = await errorsOf(GOOD.replace("text with", "<Sparkle /> text with"));
    expect(errors).toEqual([expect.stringContaining("sheet.mdx:11:1: unknown component <Sparkle>")]);
  });

  it("reports MDX syntax errors with their line", async () => {
    const errors = await errorsOf(GOOD.replace("text with", "<Box title=\"open\">\n\ntext with"));
    expect(errors[0]).toMatch(/sheet\.mdx:\d+:\d+: MDX syntax: /);
  });

  it("reports frontmatter schema errors with the field and line", async () => {
    const errors = await errorsOf(GOOD.replace("chapter: 1", 'chapter: "one"'));
    expect(errors).toEqual([expect.stringMatching(/sheet\.mdx:2: chapter: .*number/i)]);
  });

  it("reports YAML syntax errors with their line", async () => {
    const errors = await errorsOf(GOOD.replace('title: "Good"', 'title: "Good'));
    expect(errors[0]).toMatch(/sheet\.mdx:\d+:\d+: YAML syntax/);
  });

  it("reports content outside any section", async () => {
    const errors = await errorsOf(GOOD + "\nstray paragraph\n");
    expect(errors).toEqual([expect.stringContaining("sheet.mdx:24:1: content outside any <Section>")]);
  });

  it("rejects a bad highlight colour", async () => {
    const errors = await errorsOf(GOOD.replace('color="green"', 'color="teal"'));
    expect(errors).toEqual([expect.stringContaining('sheet.mdx:11:11: <Highlight> color "teal"')]);
  });
});
