import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, parseResponse, parseStoredJson, readErrorAnswer } from "@/lib/api/client";
import { storedOutboxSchema } from "@/lib/notes/outbox";

const answer = z.object({ imported: z.number() });
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("the API client", () => {
  it("hands back an answer that matches its schema", async () => {
    expect(await parseResponse(json({ imported: 3 }), answer)).toEqual({ imported: 3 });
  });

  it("refuses an answer of the wrong shape, naming the field", async () => {
    const failure = parseResponse(json({ imported: "3" }), answer);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toThrow(/imported/);
    await expect(parseResponse(new Response("<html>", { status: 200 }), answer)).rejects.toThrow(/unexpected answer/);
  });

  it("turns an error answer into an ApiError with the server's message and install hint", async () => {
    const error = await parseResponse(
      json({ error: "Chromium is missing", install: "apt-get install -y chromium" }, 503),
      answer,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      message: "Chromium is missing",
      status: 503,
      answer: { install: "apt-get install -y chromium" },
    });
    await expect(parseResponse(new Response("oops", { status: 502 }), answer)).rejects.toThrow(
      "the server answered 502",
    );
  });

  it("reads no error fields from a body that is not JSON or has other types", async () => {
    expect(await readErrorAnswer(new Response("oops", { status: 500 }))).toEqual({});
    expect(await readErrorAnswer(json({ error: 42 }, 400))).toEqual({});
  });

  it("falls back on stored JSON that is absent, broken or of the wrong shape", () => {
    expect(parseStoredJson(null, storedOutboxSchema, {})).toEqual({});
    expect(parseStoredJson("{not json", storedOutboxSchema, {})).toEqual({});
    expect(parseStoredJson(JSON.stringify({ "note-1": { id: "note-1" } }), storedOutboxSchema, {})).toEqual({});
    const entry = {
      id: "note-1",
      course: "deep-dive-llms",
      chapter: 8,
      createdAt: "2026-01-01T00:00:00.000Z",
      wanted: { body: "hi", section: null, sectionTitle: null, timestamp: null, deleted: false },
      known: null,
      sentCreate: null,
      conflict: null,
      error: null,
      changedAt: 1,
      failures: 0,
      retryAt: 0,
    };
    expect(parseStoredJson(JSON.stringify({ "note-1": entry }), storedOutboxSchema, {})).toEqual({ "note-1": entry });
  });
});
