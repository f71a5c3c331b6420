import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkAllContent } from "@/lib/content/check";
import { formatContentError } from "@/lib/content/errors";

const COURSE = `id: check-lab
title: "Check lab"
author: "Tests"
source_url: "https://example.com/check-lab"
chapters:
  - { number: 1, title: "Diagrams" }
`;

/** A sheet with one section per diagram. */
function sheetWith(diagrams: string[]): string {
  const ids = diagrams.map((_, i) => `d${i}`);
  const sections = diagrams.map((code, i) => `<Section id="d${i}" icon="📈" title="D${i}">\n\n\`\`\`mermaid\n${code}\n\`\`\`\n\n</Section>\n`);
  return `---\nchapter: 1\ntitle: "Diagrams"\nlayout:\n  - { height: 10, sections: [title] }\n  - { height: 90, sections: [${ids.join(", ")}] }\n---\n\n${sections.join("\n")}`;
}

let root: string;
let previousContentDir: string | undefined;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "study-sheets-check-"));
  previousContentDir = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = root;
});

afterEach(() => {
  process.env.CONTENT_DIR = previousContentDir;
  if (previousContentDir === undefined) delete process.env.CONTENT_DIR;
  fs.rmSync(root, { recursive: true, force: true });
});

/** The sheet line of the n-th (0-based) mermaid fence. */
function fenceLine(sheet: string, n: number): number {
  const lines = sheet.split("\n");
  return lines.map((line, i) => (line === "```mermaid" ? i + 1 : 0)).filter(Boolean)[n] ?? NaN;
}

function writeCourse(sheet: string) {
  fs.mkdirSync(path.join(root, "check-lab", "01-diagrams"), { recursive: true });
  fs.writeFileSync(path.join(root, "check-lab", "course.yaml"), COURSE);
  fs.writeFileSync(path.join(root, "check-lab", "01-diagrams", "sheet.mdx"), sheet);
}

describe("content:check runs Mermaid's parser on every diagram", () => {
  it("accepts diagram types whose parser needs a DOM (flowchart labels, mind maps, sequences)", async () => {
    writeCourse(
      sheetWith([
        'flowchart LR\n  A["<b>bold</b> label"] --> B',
        "mindmap\n  root((Root))\n    Child",
        "sequenceDiagram\n  A->>B: hi",
        'pie\n  "a": 1',
      ]),
    );
    const report = await checkAllContent();
    expect(report.errors.map(formatContentError)).toEqual([]);
    expect(report.diagrams).toBe(4);
  });

  it("reports each broken diagram with the sheet's file and the line Mermaid points at", async () => {
    const sheet = sheetWith([
      "flowchart LR\n  A --> B",
      'flowchart LR\n  A --> B\n  B --> C{{"mismatched"]\n  C --> D',
      'pie\n  "a": 1\n  "b" 2',
    ]);
    writeCourse(sheet);
    const report = await checkAllContent();
    const errors = report.errors.map(formatContentError);
    const file = path.join(root, "check-lab", "01-diagrams", "sheet.mdx");
    // Both errors are on the third line of their diagram, i.e. three lines below the fence.
    expect(errors).toHaveLength(2);
    expect(errors[0]?.startsWith(`${file}:${fenceLine(sheet, 1) + 3}: Mermaid diagram "d1/1": Parse error on line 3`)).toBe(true);
    expect(errors[1]?.startsWith(`${file}:${fenceLine(sheet, 2) + 3}: Mermaid diagram "d2/1": `)).toBe(true);
    expect(errors[1]).toContain("line 3");
  });

  it("warns, at their lines, of icons no pack has and of fork/join labels, without failing the check", async () => {
    const sheet = sheetWith([
      "architecture-beta\n  service q(logos:no-such-icon)[Queue]\n  service c(simple:redis)[Cache]",
      'flowchart TD\n  A --> F@{ shape: fork, label: "Fork or Join" }',
    ]);
    writeCourse(sheet);
    const report = await checkAllContent();
    const file = path.join(root, "check-lab", "01-diagrams", "sheet.mdx");
    expect(report.errors).toEqual([]);
    expect(report.warnings.map(formatContentError)).toEqual([
      `${file}:${fenceLine(sheet, 0)}: Mermaid diagram "d0/1": icon "logos:no-such-icon" is not in the logos pack; it draws as a placeholder named "logos:no-such-icon": check the name on icones.js.org`,
      `${file}:${fenceLine(sheet, 0)}: Mermaid diagram "d0/1": icon "simple:redis": there is no icon pack "simple" (bundled: logos, mdi, fa); it draws as a placeholder named "simple:redis"`,
      `${file}:${fenceLine(sheet, 1) + 2}: Mermaid diagram "d1/1": fork/join bars draw no label: node F "Fork or Join" (line 2) is drawn as a bare fork bar: put the words on an edge or a node beside it`,
    ]);
  });
});
