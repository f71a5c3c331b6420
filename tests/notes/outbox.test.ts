import { describe, expect, it } from "vitest";
import {
  adoptEntries,
  applyResponse,
  editEntry,
  isLocalOnly,
  isSynced,
  entryForNote,
  entryState,
  markSent,
  newEntry,
  nextRequest,
  overallState,
  resolveConflict,
  retryDelay,
  type OutboxEntry,
  type OutboxRequest,
} from "@/lib/notes/outbox";
import type { NoteJson } from "@/lib/notes/schemas";

const place = { id: "note-000001", course: "c", chapter: 1 };
const blank = { body: "", section: null, sectionTitle: null, timestamp: null };

function serverNote(overrides: Partial<NoteJson> = {}): NoteJson {
  return {
    ...place,
    ...blank,
    body: "hello",
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    deletedAt: null,
    ...overrides,
  };
}

/** Sends the entry's next request and folds in the given answer. */
function send(
  entry: OutboxEntry,
  answer: (request: OutboxRequest) => { status: number; note?: NoteJson; error?: string },
) {
  const request = nextRequest(entry);
  if (!request) throw new Error("nothing to send");
  return { request, entry: applyResponse(markSent(entry, request), request, answer(request), 1000) };
}

describe("the outbox", () => {
  it("keeps a blank new note local until it has text, then creates it", () => {
    let entry = newEntry(place, blank, 0);
    expect(nextRequest(entry)).toBeNull();
    entry = editEntry(entry, { body: "hello" }, 1);
    expect(nextRequest(entry)).toEqual({ kind: "create", payload: { ...place, ...blank, body: "hello" } });
    expect(entryState(entry)).toBe("saving");
    const sent = send(entry, () => ({ status: 201, note: serverNote() }));
    expect(nextRequest(sent.entry)).toBeNull();
    expect(entryState(sent.entry)).toBe("saved");
  });

  it("resends a create unchanged after a lost answer, then sends the later typing as an update", () => {
    let entry = editEntry(newEntry(place, blank, 0), { body: "hel" }, 1);
    const lost = send(entry, () => ({ status: 0 }));
    expect(entryState(lost.entry)).toBe("offline");
    expect(lost.entry.retryAt).toBe(1000 + retryDelay(1));
    entry = editEntry(lost.entry, { body: "hello" }, 2);
    const retried = send(entry, () => ({ status: 200, note: serverNote({ body: "hel" }) }));
    expect(retried.request).toEqual({ kind: "create", payload: { ...place, ...blank, body: "hel" } });
    expect(nextRequest(retried.entry)).toEqual({ kind: "update", payload: { version: 1, body: "hello" } });
  });

  it("bases each update on the last version the server confirmed", () => {
    let entry = editEntry(entryForNote(serverNote({ version: 4 }), 0), { body: "a" }, 1);
    const first = send(entry, () => ({ status: 200, note: serverNote({ body: "a", version: 5 }) }));
    expect(first.request).toEqual({ kind: "update", payload: { version: 4, body: "a" } });
    entry = editEntry(first.entry, { body: "ab", section: "s", sectionTitle: "S" }, 2);
    expect(nextRequest(entry)).toEqual({
      kind: "update",
      payload: { version: 5, body: "ab", section: "s", sectionTitle: "S" },
    });
  });

  it("does not lose typing that happened while a write was on its way", () => {
    const entry = editEntry(entryForNote(serverNote(), 0), { body: "a" }, 1);
    const request = nextRequest(entry)!;
    const typedMore = editEntry(markSent(entry, request), { body: "abc" }, 2);
    const answered = applyResponse(typedMore, request, { status: 200, note: serverNote({ body: "a", version: 2 }) }, 3);
    expect(answered.wanted.body).toBe("abc");
    expect(nextRequest(answered)).toEqual({ kind: "update", payload: { version: 2, body: "abc" } });
  });

  it("backs off after failures, up to 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it("keeps both texts on a stale write until the user chooses", () => {
    const entry = editEntry(entryForNote(serverNote(), 0), { body: "mine" }, 1);
    const theirs = serverNote({ body: "theirs", version: 2 });
    const { entry: conflicted } = send(entry, () => ({ status: 409, note: theirs }));
    expect(entryState(conflicted)).toBe("conflict");
    expect(conflicted.wanted.body).toBe("mine");
    expect(conflicted.conflict?.body).toBe("theirs");
    expect(nextRequest(conflicted)).toBeNull();

    expect(nextRequest(resolveConflict(conflicted, { keep: "mine" }, 2))).toEqual({
      kind: "update",
      payload: { version: 2, body: "mine" },
    });
    const keptTheirs = resolveConflict(conflicted, { keep: "theirs" }, 2);
    expect(keptTheirs.wanted.body).toBe("theirs");
    expect(nextRequest(keptTheirs)).toBeNull();
    expect(nextRequest(resolveConflict(conflicted, { merged: "mine + theirs" }, 2))).toEqual({
      kind: "update",
      payload: { version: 2, body: "mine + theirs" },
    });
  });

  it("is no conflict when the server already holds the same text", () => {
    const entry = editEntry(entryForNote(serverNote(), 0), { body: "same" }, 1);
    const { entry: after } = send(entry, () => ({ status: 409, note: serverNote({ body: "same", version: 2 }) }));
    expect(after.conflict).toBeNull();
    expect(entryState(after)).toBe("saved");
  });

  it("restores a note deleted elsewhere when the user keeps their text", () => {
    const entry = editEntry(entryForNote(serverNote(), 0), { body: "mine" }, 1);
    const { entry: conflicted } = send(entry, () => ({
      status: 409,
      note: serverNote({ version: 2, deletedAt: "2026-01-02T00:00:00.000Z" }),
    }));
    const kept = resolveConflict(conflicted, { keep: "mine" }, 2);
    expect(nextRequest(kept)).toEqual({ kind: "restore" });
    const restored = send(kept, () => ({ status: 200, note: serverNote({ version: 3 }) })).entry;
    expect(nextRequest(restored)).toEqual({ kind: "update", payload: { version: 3, body: "mine" } });
  });

  it("deletes and undoes; a never-sent note needs no request at all", () => {
    const saved = entryForNote(serverNote(), 0);
    const deleted = editEntry(saved, { deleted: true }, 1);
    expect(nextRequest(deleted)).toEqual({ kind: "delete" });
    const afterDelete = send(deleted, () => ({ status: 204 })).entry;
    expect(entryState(afterDelete)).toBe("saved");
    expect(nextRequest(editEntry(afterDelete, { deleted: false }, 2))).toEqual({ kind: "restore" });
    expect(
      nextRequest(editEntry(editEntry(newEntry(place, blank, 0), { body: "x" }, 1), { deleted: true }, 2)),
    ).toBeNull();
  });

  it("writes a note again when the server no longer has it", () => {
    const entry = editEntry(entryForNote(serverNote(), 0), { body: "keep me" }, 1);
    const { entry: gone } = send(entry, () => ({ status: 404 }));
    expect(nextRequest(gone)).toEqual({ kind: "create", payload: { ...place, ...blank, body: "keep me" } });
  });

  it("stops retrying a refused note until it is edited, keeping its text", () => {
    const entry = editEntry(newEntry(place, blank, 0), { body: "too long" }, 1);
    const { entry: refused } = send(entry, () => ({ status: 413, error: "body: too long" }));
    expect(entryState(refused)).toBe("error");
    expect(refused.wanted.body).toBe("too long");
    expect(nextRequest(refused)).toBeNull();
    expect(nextRequest(editEntry(refused, { body: "short" }, 2))?.kind).toBe("create");
  });

  it("shows the most urgent state of several notes", () => {
    expect(overallState(["saved", "saving", "offline"])).toBe("offline");
    expect(overallState(["saved", "conflict", "offline"])).toBe("conflict");
    expect(overallState([])).toBe("saved");
  });

  it("adopts a closed tab's entries; the same note edited in both keeps both texts", () => {
    const mine = editEntry(entryForNote(serverNote(), 0), { body: "newer" }, 5);
    const theirs = editEntry(entryForNote(serverNote(), 0), { body: "older" }, 3);
    const other = editEntry(newEntry({ ...place, id: "note-000002" }, blank, 0), { body: "other" }, 1);
    const merged = adoptEntries({ [mine.id]: mine }, { [theirs.id]: theirs, [other.id]: other }, () => "note-copy-1");
    expect(merged[place.id]?.wanted.body).toBe("newer");
    expect(merged["note-000002"]?.wanted.body).toBe("other");
    expect(merged["note-copy-1"]).toMatchObject({ id: "note-copy-1", known: null, wanted: { body: "older" } });
    const copy = merged["note-copy-1"];
    expect(copy && nextRequest(copy)?.kind).toBe("create");
  });
});

describe("when an entry can leave the outbox", () => {
  it("goes once the server has everything, stays while anything is unsent or unresolved", () => {
    const saved = entryForNote(serverNote(), 0);
    expect(isSynced(saved)).toBe(true);
    expect(isSynced(editEntry(saved, { body: "more" }, 1))).toBe(false);
    expect(isSynced({ ...saved, conflict: serverNote({ version: 2 }) })).toBe(false);
  });

  it("drops on reload only what never reached the server and has nothing to send", () => {
    const draft = newEntry(place, blank, 0);
    expect(isLocalOnly(draft)).toBe(true);
    const typed = editEntry(draft, { body: "text" }, 1);
    expect(isLocalOnly(typed)).toBe(false);
    expect(isLocalOnly(editEntry(typed, { deleted: true }, 2))).toBe(true);
    expect(isLocalOnly(markSent(typed, nextRequest(typed)!))).toBe(false);
  });
});
