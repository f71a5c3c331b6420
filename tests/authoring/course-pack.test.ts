import { strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { buildPack, PACK_FORMAT, PACK_LIMITS, readPack, type CoursePack } from "@/lib/authoring/course-pack";

const COURSE_YAML =
  'id: shared\ntitle: "Shared"\nauthor: "A"\nsource_url: "https://example.com/v"\nchapters:\n  - { number: 1, title: "One" }\n';
const manifest = {
  format: PACK_FORMAT,
  version: 1,
  course: "shared",
  createdAt: "2026-01-01T00:00:00.000Z",
  withNotes: true,
} as const;
const NOTE = {
  id: "note-aaaaaaaa",
  course: "shared",
  chapter: 1,
  section: null,
  sectionTitle: null,
  timestamp: 12,
  body: "mine",
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};
const pack: CoursePack = {
  manifest,
  files: new Map([
    ["course.yaml", COURSE_YAML],
    ["01-one/sheet.mdx", "---\nchapter: 1\n---\n"],
  ]),
  notes: { format: "study-sheets-notes", version: 1, notes: [NOTE] },
  diagrams: { edits: [{ chapter: 1, diagramKey: "body/1", source: "flowchart LR\n A --> B", originalHash: "abc" }] },
};

/** A zip made by hand, for packs our own writer would never produce. */
function rawZip(entries: Record<string, string | Uint8Array>, level: 0 | 9 = 9): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries))
    zippable[name] = [typeof data === "string" ? strToU8(data) : data, { level }];
  return zipSync(zippable);
}
const base = { "manifest.json": JSON.stringify(manifest), "course/course.yaml": COURSE_YAML };

function problemsOf(bytes: Uint8Array): string[] {
  const result = readPack(bytes);
  return result.ok ? [] : result.problems;
}

describe("course packs", () => {
  it("round-trips a course, its notes and diagram edits", () => {
    const result = readPack(buildPack(pack));
    expect(result).toEqual({ ok: true, pack });
  });

  it("refuses zip slip and absolute paths, naming each entry", () => {
    const problems = problemsOf(
      rawZip({ ...base, "course/../../evil.mdx": "x", "/etc/passwd": "x", "course\\01-a\\sheet.mdx": "x" }),
    );
    expect(problems).toEqual([
      expect.stringContaining('course/../../evil.mdx: ".." or "." in a path is not allowed (zip slip)'),
      expect.stringContaining("/etc/passwd: absolute paths are not allowed"),
      expect.stringContaining("course\\01-a\\sheet.mdx: absolute paths are not allowed"),
    ]);
  });

  it("refuses files a course does not hold: scripts, images, stray folders", () => {
    const problems = problemsOf(
      rawZip({
        ...base,
        "course/01-a/run.js": "x",
        "course/01-a/pic.png": "x",
        "course/node_modules/x/sheet.mdx": "x",
      }),
    );
    expect(problems).toHaveLength(3);
    expect(problems.every((problem) => problem.includes("not a file a course pack holds"))).toBe(true);
  });

  it("refuses a zip bomb by its compression ratio, before inflating it", () => {
    const zeros = new Uint8Array(1_500_000);
    expect(problemsOf(rawZip({ ...base, "course/01-a/sheet.mdx": zeros }))).toEqual([
      expect.stringMatching(/compressed \d+× \(zip bomb\?\)/),
    ]);
  });

  it("refuses too many entries and oversized files", () => {
    const many: Record<string, string> = { ...base };
    for (let n = 0; n < PACK_LIMITS.entries; n++)
      many[`course/${String((n % 99) + 1).padStart(2, "0")}-c${n}/source.md`] = "x";
    expect(problemsOf(rawZip(many))[0]).toMatch(/entries: a pack holds at most 250/);
    const big = "a".repeat(PACK_LIMITS.entryBytes + 1);
    expect(problemsOf(rawZip({ ...base, "course/01-a/source.md": big }, 0))).toEqual([
      expect.stringContaining("over the limit of 2000000 a file"),
    ]);
  });

  it("catches an entry that inflates to more than its directory declares", () => {
    const bytes = rawZip({ ...base, "course/01-a/source.md": "ab".repeat(20_000) });
    // Lower the declared size of that entry in the central directory and in its local header.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at < bytes.length - 4; at++) {
      const signature = view.getUint32(at, true);
      const nameLength = (offset: number) => view.getUint16(at + offset, true);
      const nameAt = (offset: number, length: number) =>
        new TextDecoder().decode(bytes.subarray(at + offset, at + offset + length));
      if (signature === 0x02014b50 && nameAt(46, nameLength(28)) === "course/01-a/source.md")
        view.setUint32(at + 24, 500, true);
      if (signature === 0x04034b50 && nameAt(30, nameLength(26)) === "course/01-a/source.md")
        view.setUint32(at + 22, 500, true);
    }
    expect(problemsOf(bytes)).toEqual([
      expect.stringContaining("course/01-a/source.md: holds more than the 500 bytes it declares"),
    ]);
  });

  it("refuses binary files, a bad manifest, notes of another course, and a file that is not a zip", () => {
    const binary = new Uint8Array([0xff, 0xfe, 0x00, 0x01]);
    expect(problemsOf(rawZip({ ...base, "course/01-a/sheet.mdx": binary }))).toEqual([
      "course/01-a/sheet.mdx: not a UTF-8 text file",
    ]);
    expect(problemsOf(rawZip({ ...base, "manifest.json": '{"format":"other"}' }))[0]).toContain(
      "not a Study Sheets course pack",
    );
    const foreign = { ...pack.notes, notes: [{ ...NOTE, course: "someone-else" }] };
    expect(problemsOf(rawZip({ ...base, "notes.json": JSON.stringify(foreign) }))).toEqual([
      'notes.json: every note must belong to the course "shared"',
    ]);
    expect(problemsOf(strToU8("PK not really a zip"))[0]).toContain("not a readable zip file");
    expect(problemsOf(rawZip({ "course/course.yaml": COURSE_YAML }))).toEqual(["manifest.json is missing"]);
  });
});
