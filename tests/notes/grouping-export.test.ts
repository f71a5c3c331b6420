import { describe, expect, it } from "vitest";
import { notesToMarkdown, toNotesFile } from "@/lib/notes/export";
import { countBySection, groupByChapterAndSection, groupNotesBySection } from "@/lib/notes/grouping";
import { mergeTexts } from "@/lib/notes/merge";
import type { NoteJson } from "@/lib/notes/schemas";

let counter = 0;
function note(overrides: Partial<NoteJson>): NoteJson {
  counter++;
  return {
    id: `note-${String(counter).padStart(6, "0")}`,
    course: "deep-dive-llms",
    chapter: 8,
    section: null,
    sectionTitle: null,
    timestamp: null,
    body: `note ${counter}`,
    version: 1,
    createdAt: "2026-03-01T10:00:00.000Z",
    updatedAt: "2026-03-01T10:00:00.000Z",
    deletedAt: null,
    ...overrides,
  };
}

const sections = [
  { id: "intro", title: "INTRO", icon: "📘" },
  { id: "few-shot", title: "FEW-SHOT", icon: "🧪" },
];

describe("grouping notes by section", () => {
  it("puts notes under the sheet's sections in sheet order, chapter notes apart", () => {
    const notes = [note({ section: "few-shot" }), note({}), note({ section: "intro" }), note({ section: "few-shot" })];
    const groups = groupNotesBySection(notes, sections);
    expect(groups.chapter).toEqual([notes[1]]);
    expect(groups.sections.map((group) => [group.section.id, group.notes])).toEqual([
      ["intro", [notes[2]]],
      ["few-shot", [notes[0], notes[3]]],
    ]);
    expect(groups.moved).toEqual([]);
  });

  it("keeps notes of a renamed or removed section under its old title", () => {
    const notes = [note({ section: "old-id", sectionTitle: "OLD TITLE" }), note({ section: "gone" })];
    const groups = groupNotesBySection(notes, sections);
    expect(groups.moved).toEqual([
      { section: "old-id", title: "OLD TITLE", notes: [notes[0]] },
      { section: "gone", title: "gone", notes: [notes[1]] },
    ]);
    expect(groupNotesBySection(notes, []).moved.flatMap((group) => group.notes)).toHaveLength(2);
  });

  it("counts notes per section", () => {
    expect(countBySection([note({ section: "a" }), note({ section: "a" }), note({}), note({ section: "b" })])).toEqual({
      a: 2,
      b: 1,
    });
  });
});

describe("export", () => {
  it("writes Markdown grouped by chapter and section, with timestamps linking to the video", () => {
    const notes = [
      note({ section: "few-shot", sectionTitle: "FEW-SHOT", timestamp: 754, body: "Few-shot **works**" }),
      note({ body: "Whole chapter" }),
      note({ chapter: 9, body: "Next chapter" }),
    ];
    const markdown = notesToMarkdown(
      notes,
      (_course, chapter) =>
        chapter === 8
          ? { courseTitle: "Deep Dive", chapterTitle: "Inference", sourceUrl: "https://www.youtube.com/watch?v=x" }
          : {},
      new Date("2026-03-02T09:30:00Z"),
    );
    expect(markdown).toContain("## Deep Dive — 8. Inference");
    expect(markdown).toContain("## deep-dive-llms — Chapter 9");
    expect(markdown.indexOf("### Chapter notes")).toBeLessThan(markdown.indexOf("### FEW-SHOT"));
    expect(markdown).toContain(
      "#### [⏱ 12:34](https://www.youtube.com/watch?v=x&t=754s) · 2026-03-01\n\nFew-shot **works**",
    );
    expect(markdown).toContain("3 notes");
  });

  it("keeps every field needed to bring a note back in the JSON file", () => {
    const one = note({ section: "s", sectionTitle: "S", timestamp: 3, version: 7 });
    const file = toNotesFile([one]);
    expect(file).toMatchObject({ format: "study-sheets-notes", version: 1 });
    const { deletedAt: _dropped, ...kept } = one;
    expect(file.notes).toEqual([kept]);
  });
});

describe("grouping notes by chapter and section", () => {
  it("keeps chapter notes first and sections in the order first written, under their latest title", () => {
    const notes = [
      note({ section: "b", sectionTitle: "B" }),
      note({ section: "a", sectionTitle: "A old" }),
      note({}),
      note({ section: "a", sectionTitle: "A new" }),
      note({ chapter: 9 }),
    ];
    const groups = groupByChapterAndSection(notes);
    expect(groups.map((group) => group.chapter)).toEqual([8, 9]);
    expect(groups[0]?.sections.map((group) => [group.section, group.title, group.notes.length])).toEqual([
      [null, null, 1],
      ["b", "B", 1],
      ["a", "A new", 2],
    ]);
  });
});

describe("merging two versions of a note", () => {
  it("merges changes to different lines cleanly", () => {
    expect(mergeTexts("one\ntwo\nthree", "one!\ntwo\nthree", "one\ntwo\nthree!")).toEqual({
      text: "one!\ntwo\nthree!",
      clean: true,
    });
  });

  it("keeps both sides of a line changed in both, between markers", () => {
    const { text, clean } = mergeTexts("same\nbase", "same\nmine", "same\ntheirs");
    expect(clean).toBe(false);
    expect(text).toBe("same\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> saved");
  });
});
