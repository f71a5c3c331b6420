import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFromRequest, parseRequest } from "@/lib/authoring/request-import";
import { renderSheetSource } from "@/lib/authoring/sheet-source";
import type { Course } from "@/lib/content/course";
import { compileSheetSource } from "@/lib/content/sheet";

const FIXTURES = path.resolve("tests/fixtures/requests-raw");
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");
const course: Course = {
  id: "imported",
  title: "Imported",
  author: "A",
  sourceUrl: "https://example.com/v",
  dir: "/tmp",
  chapters: [],
};

/** The layouts the three seed requests declare: "height:cells" a row, 0 cells = the title banner. */
const DECLARED = {
  "000-llama-base-model.txt": { chapter: 8, rows: ["10:0", "25:2", "40:1", "25:3"] },
  "002-inference.txt": { chapter: 6, rows: ["10:0", "25:2", "45:1", "20:2"] },
  "003-where-to-find-llms.txt": { chapter: 23, rows: ["15:0", "25:2", "40:1", "20:2"] },
} as const;

function imported(name: string) {
  const parsed = parseRequest(read(name));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { request: parsed.request, draft: draftFromRequest(parsed.request) };
}

describe("request import: the seeds", () => {
  it("covers the three seed requests", () => {
    expect(fs.readdirSync(FIXTURES).sort()).toEqual(Object.keys(DECLARED).sort());
  });

  for (const [name, declared] of Object.entries(DECLARED)) {
    it(`${name}: the layout it declares, sections in drawn order, and a sheet that passes the content check`, async () => {
      const { request, draft } = imported(name);
      expect(request.chapter).toBe(declared.chapter);
      const rows = draft.rows.map((row) => `${row.height}:${row.sections[0] === "title" ? 0 : row.sections.length}`);
      expect(rows).toEqual(declared.rows);
      const drawn = request.rows.flatMap((row) => row.boxes.map((box) => box.title));
      expect(draft.sections.map((section) => section.title)).toEqual(drawn);
      expect(draft.sections.every((section) => /\p{Extended_Pictographic}/u.test(section.icon))).toBe(true);
      const source = renderSheetSource(draft);
      const compiled = await compileSheetSource(source, `/tmp/${name}.mdx`, course, declared.chapter);
      expect(compiled.ok ? [] : compiled.errors).toEqual([]);
    });
  }

  it("000: boxes carry their titles and icons, bodies start with the matching source passages", () => {
    const { draft } = imported("000-llama-base-model.txt");
    expect(draft.sections.map((s) => `${s.icon} ${s.title}`)).toEqual([
      "🧠 WHAT IS BASE MODEL?",
      "📦 MODEL RELEASE COMPONENTS",
      "⚡ BASE MODEL vs ASSISTANT",
      "📊 LLAMA 3.1 SPECS",
      "🔍 BEHAVIOR DEMO",
      "📌 KEY TAKEAWAYS",
    ]);
    const body = (id: string) => draft.sections.find((s) => s.id === id)?.body ?? "";
    expect(body("what-is-base-model")).toMatch(/^\*\*Core Concept: What is a Base Model\?\*\*/);
    expect(body("llama-3-1-specs")).toContain("405 billion parameters");
    // A box no passage matches keeps what the drawing writes in it.
    expect(body("behavior-demo")).toContain("질문→문서 완성");
  });

  it("003: Mermaid stays a live diagram, tables stay tables, unclosed fences and unplaced passages are remarked", () => {
    const { request, draft } = imported("003-where-to-find-llms.txt");
    const local = draft.sections.find((s) => s.id === "local-execution-lm-studio")?.body ?? "";
    expect(local).toMatch(/```mermaid\nflowchart LR[\s\S]*```/);
    expect(draft.sections.find((s) => s.id === "key-terms")?.body).toContain("| Base Model | SFT/RLHF");
    expect(request.warnings.map((w) => w.line)).toEqual([173, 227]);
    const remarks = (draft.remarks ?? []).join("\n");
    expect(remarks).toContain("request line 173: the code block opened here is not closed");
    expect(remarks).toContain("unplaced (matched no box):");
    expect(remarks).toContain("Notable Insight (Quote)");
  });

  it("002: transcript lines are left for the source page and said so", () => {
    const { draft } = imported("002-inference.txt");
    expect(draft.remarks).toContain("10 transcript lines left out: they belong on the source page");
    expect(draft.sections.map((s) => s.body).join("\n")).not.toMatch(/\[\d+:\d{2}\]/);
  });
});

describe("request import: what it cannot read is reported by line", () => {
  const seed = read("000-llama-base-model.txt");

  it("a request without a source text", () => {
    expect(parseRequest("# Role Definition\nhello\n")).toMatchObject({
      ok: false,
      problems: [{ line: 1 }, { line: 1 }, { line: 1 }],
    });
  });

  it("proportions that do not add up to 100, and a split that disagrees with the drawing", () => {
    const lines = seed.split("\n");
    const at = lines.findIndex((line) => line.startsWith("| 중앙 | 40%"));
    lines[at] = (lines[at] ?? "").replace("40%", "45%");
    const result = parseRequest(lines.join("\n"));
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { code: "requestShareSum", values: { total: 105 }, message: expect.stringContaining("add up to 105%") },
      ],
    });

    const split = seed.replace(
      "| 25% | Llama 3.1 Specs + Behavior Demo + Takeaways | **3등분** |",
      "| 25% | x | **2등분** |",
    );
    const splitLine = split.split("\n").findIndex((line) => line.includes("**2등분** |")) + 1;
    expect(parseRequest(split)).toMatchObject({
      ok: false,
      problems: [{ line: splitLine, message: expect.stringContaining("split in 2 but the drawing shows 3 boxes") }],
    });
  });

  it("a chapter missing from the frontmatter", () => {
    const result = parseRequest(seed.replace("chapter: 8/24\n", ""));
    expect(result).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining("chapter") }] });
  });
});
