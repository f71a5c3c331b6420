import { describe, expect, it } from "vitest";
import { parseInput, readJsonBody } from "@/lib/api/http";
import {
  NOTE_BODY_MAX_CHARS,
  NOTE_VERSION_MAX,
  createNoteSchema,
  listNotesQuerySchema,
  notesFileSchema,
  updateNoteSchema,
} from "@/lib/notes/schemas";

const valid = { course: "deep-dive-llms", chapter: 8, body: "hello" };

describe("note bodies are validated at the API boundary", () => {
  it("accepts a minimal note and a full one", () => {
    expect(parseInput(createNoteSchema, valid)).toEqual({ ok: true, data: valid });
    const full = {
      ...valid,
      id: "3f1c2e4a-0000-4000-8000-000000000001",
      section: "few-shot",
      sectionTitle: "FEW-SHOT",
      timestamp: 754,
    };
    expect(parseInput(createNoteSchema, full).ok).toBe(true);
  });

  it.each([
    [{ ...valid, chapter: "8" }, "chapter"],
    [{ ...valid, chapter: 1.5 }, "chapter"],
    [{ ...valid, chapter: 0 }, "chapter"],
    [{ ...valid, course: "../etc" }, "course"],
    [{ ...valid, body: 42 }, "body"],
    [{ course: "deep-dive-llms", chapter: 8 }, "body"],
    [{ ...valid, timestamp: -1 }, "timestamp"],
    [{ ...valid, timestamp: "12:34" }, "timestamp"],
    [{ ...valid, id: "short" }, "id"],
    [{ ...valid, id: "has spaces in it" }, "id"],
    [{ ...valid, section: "" }, "section"],
    [{ ...valid, colour: "red" }, "colour"],
  ])("refuses %j with a 400 naming %s", (input, field) => {
    const result = parseInput(createNoteSchema, input);
    expect(result).toMatchObject({ ok: false, status: 400, field });
    if (!result.ok) expect(result.error).toContain(field);
  });

  it("refuses a body that is not an object without naming a field", () => {
    for (const input of [null, [], "text", 3])
      expect(parseInput(createNoteSchema, input)).toMatchObject({ ok: false, status: 400, field: undefined });
  });

  it("answers 413 naming the body when a note is over the size limit", () => {
    const result = parseInput(createNoteSchema, { ...valid, body: "가".repeat(NOTE_BODY_MAX_CHARS + 1) });
    expect(result).toMatchObject({ ok: false, status: 413, field: "body" });
    expect(parseInput(createNoteSchema, { ...valid, body: "가".repeat(NOTE_BODY_MAX_CHARS) }).ok).toBe(true);
  });

  it("requires the version a write is based on", () => {
    expect(parseInput(updateNoteSchema, { body: "x" })).toMatchObject({ ok: false, status: 400, field: "version" });
    expect(parseInput(updateNoteSchema, { body: "x", version: 0 })).toMatchObject({ ok: false, field: "version" });
    expect(parseInput(updateNoteSchema, { body: "x", version: 3 })).toEqual({
      ok: true,
      data: { body: "x", version: 3 },
    });
    expect(parseInput(updateNoteSchema, { section: null, version: 3 })).toEqual({
      ok: true,
      data: { section: null, version: 3 },
    });
  });

  it("parses query strings into numbers, refusing what is not one", () => {
    expect(parseInput(listNotesQuerySchema, { course: "deep-dive-llms", chapter: "8" })).toEqual({
      ok: true,
      data: { course: "deep-dive-llms", chapter: 8 },
    });
    expect(parseInput(listNotesQuerySchema, { chapter: "eight" })).toMatchObject({
      ok: false,
      status: 400,
      field: "chapter",
    });
    expect(parseInput(listNotesQuerySchema, { chapter: "1e3" })).toMatchObject({
      ok: false,
      status: 400,
      field: "chapter",
    });
    expect(parseInput(listNotesQuerySchema, { sort: "x" })).toMatchObject({ ok: false, status: 400, field: "sort" });
  });

  /** One valid note of an import file. */
  const note = {
    id: "note-0000001",
    course: "c",
    chapter: 1,
    section: null,
    sectionTitle: null,
    timestamp: null,
    body: "b",
    version: 2,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-02T00:00:00.000Z",
  };

  it("checks an import file note by note", () => {
    expect(parseInput(notesFileSchema, { format: "study-sheets-notes", version: 1, notes: [note] }).ok).toBe(true);
    expect(parseInput(notesFileSchema, { format: "other", version: 1, notes: [] })).toMatchObject({
      ok: false,
      field: "format",
    });
    expect(
      parseInput(notesFileSchema, {
        format: "study-sheets-notes",
        version: 1,
        notes: [{ ...note, createdAt: "yesterday" }],
      }),
    ).toMatchObject({
      ok: false,
      field: "notes.0.createdAt",
    });
  });

  it("bounds every number and date of an import, so no row can be too large to read back", () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ version: 9007199254740991 }, "version"],
      [{ version: NOTE_VERSION_MAX + 1 }, "version"],
      [{ version: 0 }, "version"],
      [{ chapter: 1000 }, "chapter"],
      [{ timestamp: 360_001 }, "timestamp"],
      [{ createdAt: "+275760-09-13T00:00:00.000Z" }, "createdAt"],
      [{ updatedAt: "9999-12-31T23:59:59.000Z" }, "updatedAt"],
      [{ updatedAt: "1970-01-01T00:00:00.000Z" }, "updatedAt"],
    ];
    for (const [change, field] of bad) {
      const file = { format: "study-sheets-notes", version: 1, notes: [{ ...note, ...change }] };
      expect(parseInput(notesFileSchema, file), JSON.stringify(change)).toMatchObject({
        ok: false,
        status: 400,
        field: `notes.0.${field}`,
      });
    }
    expect(bad).toHaveLength(8);
    expect(parseInput(updateNoteSchema, { version: 2 ** 53 })).toMatchObject({
      ok: false,
      status: 400,
      field: "version",
    });
    expect(
      parseInput(notesFileSchema, {
        format: "study-sheets-notes",
        version: 1,
        notes: [{ ...note, version: NOTE_VERSION_MAX }],
      }).ok,
    ).toBe(true);
  });
});

describe("readJsonBody", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://127.0.0.1/api/notes", { method: "POST", body, headers });

  it("reads JSON", async () => {
    expect(await readJsonBody(post('{"a":1}'), 100)).toEqual({ ok: true, data: { a: 1 } });
  });

  it("answers 400 for text that is not JSON, and for no body", async () => {
    expect(await readJsonBody(post("{nope"), 100)).toMatchObject({ ok: false, status: 400 });
    expect(await readJsonBody(new Request("http://127.0.0.1/", { method: "POST" }), 100)).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it("answers 413 over the limit, from the declared length or while reading", async () => {
    expect(await readJsonBody(post("x".repeat(50), { "content-length": "5000" }), 100)).toMatchObject({
      ok: false,
      status: 413,
    });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(50)));
        controller.close();
      },
    });
    const request = new Request("http://127.0.0.1/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await readJsonBody(request, 100)).toMatchObject({ ok: false, status: 413 });
  });
});
