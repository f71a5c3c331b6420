/**
 * Parsing a sheet a section at a time gives the tree the whole body gives (positions included), and
 * parses again only the sections whose text changed.
 */
import fs from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { splitFrontmatter } from "@/lib/content/frontmatter";
import { parseInSections, sectionPieces } from "@/lib/content/mdx/parse-in-sections";
import { parseSheetTree } from "@/lib/content/sheet";

const ROOT = path.join(import.meta.dirname, "../..");

function mdxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".mdx")).map((name) => path.join(dir, name));
}

/** A parser that counts what it was asked to parse (each test gets its own, so nothing is kept between tests). */
function countingParser() {
  const parsed: string[] = [];
  const parse = (text: string): Root => {
    parsed.push(text);
    return parseSheetTree(text);
  };
  return { parse, parsed };
}

const SHEET = [
  "",
  '<Section id="a" title="A">',
  "",
  "- one",
  "- two",
  "",
  "</Section>",
  "",
  '<Section id="b" title="B">',
  "",
  "```mermaid",
  "flowchart LR",
  "  A --> B",
  "```",
  "",
  "</Section>",
  "",
].join("\n");

describe("parseInSections", () => {
  it("gives the whole body's tree for every sheet of the sample courses and the fixtures", () => {
    const files = [...mdxFiles(path.join(ROOT, "content")), ...mdxFiles(path.join(ROOT, "tests/fixtures"))];
    let compared = 0;
    let cut = 0;
    for (const file of files) {
      const { body } = splitFrontmatter(fs.readFileSync(file, "utf8"));
      let whole: Root;
      try {
        whole = parseSheetTree(body);
      } catch {
        continue; // a fixture that is broken on purpose: covered below
      }
      const { parse } = countingParser();
      expect(parseInSections(body, parse), file).toEqual(whole);
      compared += 1;
      if ((sectionPieces(body)?.length ?? 0) > 1) cut += 1;
    }
    // 24 + 3 sample sheets and the fixtures; all but the two without sections are cut.
    expect(compared).toBe(files.length - 1);
    expect(compared).toBeGreaterThanOrEqual(50);
    expect(cut).toBe(compared - 2);
  });

  it("parses only the section that changed", () => {
    const { parse, parsed } = countingParser();
    parseInSections(SHEET, parse);
    expect(parsed).toHaveLength(3); // the blank lead, section a, section b
    parsed.length = 0;
    const edited = SHEET.replace("- two", "- two and a half");
    expect(parseInSections(edited, parse)).toEqual(parseSheetTree(edited));
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toContain("two and a half");
  });

  it("hands out a fresh copy each time, so plugins that change the tree change nothing kept", () => {
    const { parse } = countingParser();
    const first = parseInSections(SHEET, parse);
    first.children.length = 0;
    expect(parseInSections(SHEET, parse)).toEqual(parseSheetTree(SHEET));
  });

  it("never cuts inside a code fence, after an open paragraph, or where definitions reach across", () => {
    const inFence = ['<Section id="a">', "", "~~~", "</Section>", "", '<Section id="b">', "~~~", "", "</Section>", ""].join("\n");
    expect(sectionPieces(inFence)).toHaveLength(1);
    const afterText = ["words", '<Section id="a">', "", "</Section>", ""].join("\n");
    expect(sectionPieces(afterText)).toHaveLength(1);
    expect(sectionPieces(`${SHEET}\n[ref]: https://example.com\n`)).toBeNull();
    expect(sectionPieces(`${SHEET}\n[^1]: a footnote\n`)).toBeNull();
    expect(sectionPieces(SHEET)?.map((piece) => piece.line)).toEqual([0, 1, 8]);
  });

  it("reports an MDX error as the whole body's parse does, at the same line", () => {
    const broken = SHEET.replace("- two", "- two <Box");
    const { parse } = countingParser();
    expect(() => parseSheetTree(broken)).toThrow();
    let whole: unknown;
    let mine: unknown;
    try {
      parseSheetTree(broken);
    } catch (error) {
      whole = error;
    }
    try {
      parseInSections(broken, parse);
    } catch (error) {
      mine = error;
    }
    expect(String(mine)).toBe(String(whole));
  });

  it("parses a body with code in it whole, so that positions inside the code stay true", () => {
    const withCode = SHEET.replace("- two", "- two {1 + 1}");
    const { parse, parsed } = countingParser();
    expect(parseInSections(withCode, parse)).toEqual(parseSheetTree(withCode));
    expect(parsed.at(-1)).toBe(withCode);
  });
});
