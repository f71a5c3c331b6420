import fs from "node:fs";
import path from "node:path";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, it } from "vitest";
import { Sheet } from "@/components/sheet/Sheet";
import messages from "@/messages/en.json";
import { brokenChapters } from "@/lib/content/broken-chapters";
import { loadCourseFromDir } from "@/lib/content/course";
import { formatContentError } from "@/lib/content/errors";
import { compileSheetSource, loadSheet } from "@/lib/content/sheet";
import { oneSectionSheet } from "./sheet-source";

/** Renders as the app does: inside the interface language's messages (the sheet's chrome is translated). */
function renderInApp(element: ReactElement): string {
  return renderToStaticMarkup(
    // The provider's props type requires children, so they go in the props (a .ts file has no JSX).
    // eslint-disable-next-line react/no-children-prop
    createElement(NextIntlClientProvider, { locale: "en", messages, timeZone: "UTC", children: element }),
  );
}

const COURSE_DIR = path.resolve("tests/fixtures/content/hostile-lab");
const loaded = loadCourseFromDir(COURSE_DIR);
if (!loaded.ok) throw new Error(`the hostile fixture course must load: ${loaded.errors.map(formatContentError).join("; ")}`);
const course = loaded.course;
const PWNED_FILE = path.resolve("sheet-pwned.txt");
const payloadGlobal = () => (globalThis as Record<string, unknown>).__sheetPwned;

async function sheetOfChapter(number: number) {
  const chapter = course.chapters.find((c) => c.number === number);
  const result = chapter ? await loadSheet(course, chapter) : null;
  if (!result) throw new Error(`chapter ${number} has no sheet`);
  return result;
}

async function errorsOfChapter(number: number): Promise<string[]> {
  const result = await sheetOfChapter(number);
  return result.ok ? [] : result.errors.map((error) => formatContentError(error).replace(/^.*?sheet\.mdx:/, ""));
}

afterAll(() => {
  expect(payloadGlobal()).toBeUndefined();
  expect(fs.existsSync(PWNED_FILE)).toBe(false);
});

describe("a hostile sheet is data: every payload is an error at its line and nothing runs", () => {
  // Each hostile chapter and the errors it must give: what it tries, at its line, and what to write instead.
  const HOSTILE: { chapter: number; rejects: string; errors: unknown[] }[] = [
    {
      chapter: 1,
      rejects: "expressions in text, in attributes and as spread attributes",
      errors: [
      "10:6: {…} is an expression and sheets never run code: write the text itself (a literal brace is &#123;)",
      "12:1: {…} is an expression and sheets never run code: write the text itself (a literal brace is &#123;)",
      '14:1: <Box> title={…} is an expression: sheets never run code, write title="text"',
      '20:1: <Quote> has a {…} attribute: sheets never run code, write each attribute as name="text"',
    ],
    },
    {
      chapter: 2,
      rejects: "import and export",
      errors: [expect.stringMatching(/^8:1: import\/export is not allowed/), expect.stringMatching(/^10:1: import\/export/)],
    },
    {
      chapter: 3,
      rejects: "event handlers, style, ref, key, dangerouslySetInnerHTML and raw HTML",
      errors: [
      '10:1: <Box> event handler "onClick" is not allowed: a sheet never runs code',
      '10:1: <Box> style is not allowed on a sheet: use a component\'s color instead, e.g. <Box color="blue">',
      "16:1: raw HTML <script> is not allowed on a sheet: use markdown (**bold**, lists, tables, links) or a sheet component",
      '18:1: <img> event handler "onError" is not allowed: a sheet never runs code',
      "18:1: raw HTML <img> is not allowed on a sheet: use markdown (**bold**, lists, tables, links) or a sheet component",
      "20:1: <div> dangerouslySetInnerHTML is not allowed on a sheet: write the content as markdown",
      "20:1: raw HTML <div> is not allowed on a sheet: use markdown (**bold**, lists, tables, links) or a sheet component",
      "22:1: <Highlight> ref is not allowed on a sheet: it only makes sense in code",
      "22:1: <Highlight> key is not allowed on a sheet: it only makes sense in code",
    ],
    },
    {
      chapter: 4,
      rejects: "javascript: and data: links, unknown components and props of the wrong type or name",
      errors: [
      "10:3: link to \"javascript:globalThis.__sheetPwned='link'\" is not allowed: a link goes to http:, https:, mailto: or a page of the app",
      '10:66: link to "data:text/html,hi" is not allowed: a link goes to http:, https:, mailto: or a page of the app',
      "12:1: unknown component <Evil>: use one of Section, Box, Columns, Quote, Highlight, Term, Card",
      '14:1: <Box> title without a value must be text in quotes',
      '16:1: <Highlight> color "red" must be one of yellow, pink, green, blue',
      '18:1: <Term> has no prop "lang": its props are en',
    ],
    },
  ];

  it.each(HOSTILE)("rejects $rejects (chapter $chapter), and nothing runs", async ({ chapter, errors }) => {
    expect(await errorsOfChapter(chapter)).toEqual(errors);
    expect(fs.existsSync(PWNED_FILE)).toBe(false);
  });

  it("still lists the diagrams of a sheet whose layout is broken, for the Mermaid check", async () => {
    const result = await sheetOfChapter(5);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([5]);
    expect(result.diagrams.map((d) => [d.key, d.line])).toEqual([["diagram/1", 10]]);
  });

  it("renders the safe chapter of the same course, with its links and without the payloads", async () => {
    const result = await sheetOfChapter(6);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const html = renderInApp(createElement(Sheet, { sheet: result.sheet, courseTitle: course.title }));
    expect(html).toContain("STILL WORKS");
    expect(html).toContain('href="https://mermaid.js.org"');
    expect(html).toContain('href="mailto:someone@example.com"');
    expect(html).toContain("written { like this }");
    expect(html).not.toContain("javascript:");
  });
});

describe("broken chapters", () => {
  it("are every hostile chapter, each with its error count, and not the safe or unwritten ones", async () => {
    expect([...(await brokenChapters(course))]).toEqual([[1, 4], [2, 2], [3, 9], [4, 6], [5, 1]]);
  });
});

describe("the compiled tree cannot carry code", () => {
  it("has no expression left even where the errors are ignored, and an unsafe link keeps only its words", async () => {
    const source = oneSectionSheet('[click](javascript:alert(1)) {globalThis.__sheetPwned = "x"}');
    const result = await compileSheetSource(source, path.join(COURSE_DIR, "01-x/sheet.mdx"), course);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([10, 10]);
    expect(payloadGlobal()).toBeUndefined();
  });

  it("refuses to evaluate an expression smuggled into a compiled tree: the sheet shows its error instead", async () => {
    const result = await sheetOfChapter(6);
    if (!result?.ok) throw new Error("the safe chapter must compile");
    const smuggled = { type: "mdxTextExpression", value: "globalThis.__sheetPwned = 1", position: { start: { line: 12, column: 1 }, end: { line: 12, column: 9 } } };
    const tree = { ...result.sheet.tree, children: [...result.sheet.tree.children, smuggled] } as typeof result.sheet.tree;
    const html = renderInApp(createElement(Sheet, { sheet: { ...result.sheet, tree }, courseTitle: course.title }));
    expect(html).toContain("data-content-errors");
    expect(html).toContain("06-safe-chapter/sheet.mdx:12</code>");
    expect(html).toContain("the sheet could not be drawn");
    expect(payloadGlobal()).toBeUndefined();
  });

  it("a link the markdown gives an unsafe target is drawn as text", async () => {
    const { SheetLink } = await import("@/components/mdx/sheet-parts");
    expect(renderToStaticMarkup(createElement(SheetLink, { href: "java\tscript:alert(1)" }, "x"))).toBe('<span class="sheet-dead-link">x</span>');
    expect(renderToStaticMarkup(createElement(SheetLink, { href: "/courses" }, "x"))).toBe('<a href="/courses">x</a>');
  });
});
