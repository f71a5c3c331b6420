import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkAllContent } from "@/lib/content/check";
import { formatContentError } from "@/lib/content/errors";

describe("content:check", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.CONTENT_DIR;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = saved;
  });

  it("reports every error of every file at once, with file and line", async () => {
    process.env.CONTENT_DIR = "tests/fixtures/content";
    const report = await checkAllContent();
    const lines = report.errors.map(formatContentError);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining("layout-lab/05-broken-layout/sheet.mdx:5: layout: row heights must sum to 100"),
        expect.stringContaining("layout-lab/05-broken-layout/sheet.mdx:6: layout[1].sections: section widths in row 2 must sum to 100"),
        expect.stringContaining('layout-lab/05-broken-layout/sheet.mdx:7: layout[2].sections[0]: the layout places "missing"'),
        expect.stringContaining('layout-lab/05-broken-layout/sheet.mdx:22: <Section id="stray"> is not placed'),
        expect.stringContaining("layout-lab/06-broken-mdx/sheet.mdx:15:1: MDX syntax"),
      ]),
    );
    expect(report.sheets).toBeGreaterThanOrEqual(6);
  });

  it("reports a sheet's Mermaid error together with its layout error, a broken course file, all in file order", async () => {
    process.env.CONTENT_DIR = "tests/fixtures/content";
    const report = await checkAllContent();
    const lines = report.errors.map(formatContentError);
    const broken = lines.filter((line) => line.includes("hostile-lab/05-broken-") || line.includes("broken-course/"));
    expect(broken).toEqual([
      expect.stringMatching(/broken-course\/course\.yaml:\d+: author: /),
      expect.stringMatching(/broken-course\/course\.yaml:3: source_url: /),
      expect.stringContaining("hostile-lab/05-broken-layout-and-mermaid/sheet.mdx:5: layout: row heights must sum to 100"),
      expect.stringContaining('hostile-lab/05-broken-layout-and-mermaid/sheet.mdx:13: Mermaid diagram "diagram/1": Parse error'),
    ]);
    const order = report.errors.map((error) => [error.file, error.line] as const);
    const sorted = [...order].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
    expect(order).toEqual(sorted);
    expect(lines.filter((line) => line.includes("hostile-lab/"))).toHaveLength(4 + 2 + 9 + 6 + 2);
  });

  it("passes the shipped courses", async () => {
    process.env.CONTENT_DIR = "content";
    const report = await checkAllContent();
    expect(report.errors.map(formatContentError)).toEqual([]);
    expect(report.sheets).toBeGreaterThanOrEqual(27);
  });
});
