import { describe, expect, it } from "vitest";
import { decideCreate, decideImport, decideUpdate, type NoteState } from "@/lib/notes/conflict";

const note: NoteState = {
  course: "c",
  chapter: 1,
  body: "text",
  section: "s",
  sectionTitle: "S",
  timestamp: 10,
  version: 3,
  deletedAt: null,
};

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

describe("the import rule", () => {
  const here = {
    body: "text",
    section: null,
    sectionTitle: null,
    timestamp: null,
    version: 3,
    updatedAt: new Date("2026-05-01"),
  };

  it("creates what is not here and restores what is in the bin", () => {
    expect(decideImport(null, here)).toBe("create");
    expect(decideImport({ ...here, deletedAt: new Date("2026-06-01") }, here)).toBe("restore");
  });

  it("takes the newer copy of a live note: later date first, then higher version", () => {
    const live = { ...here, deletedAt: null };
    expect(decideImport(live, { ...here, body: "newer", updatedAt: new Date("2026-05-02") })).toBe("update");
    expect(decideImport(live, { ...here, body: "older", updatedAt: new Date("2026-04-30") })).toBe("keep");
    expect(decideImport(live, { ...here, body: "same time, later version", version: 4 })).toBe("update");
    expect(decideImport(live, { ...here, body: "same time, earlier version", version: 2 })).toBe("keep");
    expect(decideImport(live, { ...here, updatedAt: new Date("2027-01-01") })).toBe("keep");
  });
});
