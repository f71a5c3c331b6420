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

  it("passes the shipped courses", async () => {
    process.env.CONTENT_DIR = "content";
    const report = await checkAllContent();
    expect(report.errors.map(formatContentError)).toEqual([]);
    expect(report.sheets).toBeGreaterThanOrEqual(27);
  });
});
