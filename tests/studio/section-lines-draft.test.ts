import { describe, expect, it } from "vitest";
import { clearDraft, draftKey, readDraft, writeDraft } from "@/lib/studio/draft";
import { lineOfSection, sectionAtLine, sectionLines } from "@/lib/studio/section-lines";

const SOURCE = [
  "---",
  "layout:",
  "  - { height: 100, sections: [a, b] }",
  "---",
  "",
  '<Section id="a" icon="x" title="A">',
  "- one",
  "</Section>",
  "",
  "<Section icon='y' id='b' title='B'>",
  "- two",
  "</Section>",
].join("\n");

describe("section lines", () => {
  it("finds every section's line", () => {
    expect(sectionLines(SOURCE)).toEqual([
      { id: "a", line: 6 },
      { id: "b", line: 10 },
    ]);
  });
  it("maps a cursor line to its section and back", () => {
    expect(sectionAtLine(SOURCE, 3)).toBeNull();
    expect(sectionAtLine(SOURCE, 7)).toBe("a");
    expect(sectionAtLine(SOURCE, 12)).toBe("b");
    expect(lineOfSection(SOURCE, "b")).toBe(10);
    expect(lineOfSection(SOURCE, "title")).toBe(2);
    expect(lineOfSection(SOURCE, "missing")).toBeNull();
  });
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("drafts", () => {
  it("round-trips a draft and drops what is not one", () => {
    const storage = memoryStorage();
    const key = draftKey("sheet", "c", 6);
    expect(new Set([key, draftKey("source", "c", 6), draftKey("course", "c", 6)]).size).toBe(3);
    expect(readDraft(storage, key)).toBeNull();
    const draft = { source: "text", baseHash: "a".repeat(64), savedAt: 1 };
    expect(writeDraft(storage, key, draft)).toBe(true);
    expect(readDraft(storage, key)).toEqual(draft);
    storage.setItem(key, "{not json");
    expect(readDraft(storage, key)).toBeNull();
    storage.setItem(key, JSON.stringify({ source: 5, baseHash: null, savedAt: 1 }));
    expect(readDraft(storage, key)).toBeNull();
    clearDraft(storage, key);
    expect(storage.getItem(key)).toBeNull();
  });
});
