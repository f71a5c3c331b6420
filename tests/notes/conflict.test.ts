import { describe, expect, it } from "vitest";
import { decideCreate, decideUpdate, type NoteState } from "@/lib/notes/conflict";

const note: NoteState = { course: "c", chapter: 1, body: "text", section: "s", sectionTitle: "S", timestamp: 10, version: 3, deletedAt: null };

describe("the conflict rule", () => {
  it("applies a write based on the current version", () => {
    expect(decideUpdate(note, 3)).toBe("apply");
  });

  it("refuses a write based on an older (or unknown newer) version", () => {
    expect(decideUpdate(note, 2)).toBe("stale");
    expect(decideUpdate(note, 4)).toBe("stale");
  });

  it("refuses a write to a deleted note, and knows when there is no note", () => {
    expect(decideUpdate({ version: 4, deletedAt: new Date() }, 4)).toBe("deleted");
    expect(decideUpdate({ version: 4, deletedAt: new Date() }, 3)).toBe("stale");
    expect(decideUpdate(null, 1)).toBe("missing");
  });

  it("treats a retried create as the same note, and a different note under that id as a conflict", () => {
    const wanted = { course: "c", chapter: 1, body: "text", section: "s", sectionTitle: "S", timestamp: 10 };
    expect(decideCreate(null, wanted)).toBe("create");
    expect(decideCreate(note, wanted)).toBe("same");
    expect(decideCreate(note, { ...wanted, body: "other" })).toBe("conflict");
    expect(decideCreate(note, { ...wanted, chapter: 2 })).toBe("conflict");
    expect(decideCreate({ ...note, deletedAt: new Date() }, wanted)).toBe("conflict");
  });
});
