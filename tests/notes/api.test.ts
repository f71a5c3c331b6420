import { beforeAll, describe, expect, it } from "vitest";
import * as noteRoute from "@/app/api/notes/[id]/route";
import * as restoreRoute from "@/app/api/notes/[id]/restore/route";
import * as exportRoute from "@/app/api/notes/export/route";
import * as importRoute from "@/app/api/notes/import/route";
import * as notesRoute from "@/app/api/notes/route";
import * as progressRoute from "@/app/api/progress/route";
import { restoreDatabaseUrlAfterAll, useMigratedTempDatabase } from "../db/helpers";

restoreDatabaseUrlAfterAll();
beforeAll(() => useMigratedTempDatabase("api.db"));

const url = (pathAndQuery: string) => `http://127.0.0.1${pathAndQuery}`;
const json = (method: string, pathAndQuery: string, body: unknown) =>
  new Request(url(pathAndQuery), {
    method,
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const hostile = (method: string, pathAndQuery: string, body: unknown, headers: Record<string, string>) =>
  new Request(url(pathAndQuery), { method, body: body === null ? null : JSON.stringify(body), headers });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("the notes API", () => {
  it("creates, lists, edits with versions, deletes and restores", async () => {
    const input = {
      id: "api-note-1",
      course: "deep-dive-llms",
      chapter: 8,
      section: "few-shot",
      timestamp: 30,
      body: "hi",
    };
    const created = await notesRoute.POST(json("POST", "/api/notes", input));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ ...input, version: 1 });

    const list = await notesRoute.GET(new Request(url("/api/notes?course=deep-dive-llms&chapter=8&section=few-shot")));
    expect((await list.json()).notes.map((note: { id: string }) => note.id)).toEqual(["api-note-1"]);

    const patched = await noteRoute.PATCH(
      json("PATCH", "/api/notes/api-note-1", { body: "hello", version: 1 }),
      params("api-note-1"),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ body: "hello", version: 2 });

    const stale = await noteRoute.PATCH(
      json("PATCH", "/api/notes/api-note-1", { body: "other tab", version: 1 }),
      params("api-note-1"),
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ field: "version", note: { body: "hello", version: 2 } });

    expect(
      (await noteRoute.DELETE(new Request(url("/api/notes/api-note-1"), { method: "DELETE" }), params("api-note-1")))
        .status,
    ).toBe(204);
    expect(
      (await (await notesRoute.GET(new Request(url("/api/notes?course=deep-dive-llms&chapter=8")))).json()).notes,
    ).toEqual([]);
    const restored = await restoreRoute.POST(
      new Request(url("/api/notes/api-note-1/restore"), { method: "POST" }),
      params("api-note-1"),
    );
    expect(await restored.json()).toMatchObject({ body: "hello", deletedAt: null });
  });

  it("answers a retried create with the same note, not a second one", async () => {
    const body = { id: "api-note-2", course: "deep-dive-llms", chapter: 3, body: "once" };
    expect((await notesRoute.POST(json("POST", "/api/notes", body))).status).toBe(201);
    expect((await notesRoute.POST(json("POST", "/api/notes", body))).status).toBe(200);
    expect((await notesRoute.POST(json("POST", "/api/notes", { ...body, body: "twice" }))).status).toBe(409);
    const list = await (await notesRoute.GET(new Request(url("/api/notes?course=deep-dive-llms&chapter=3")))).json();
    expect(list.notes).toHaveLength(1);
  });

  it("never answers a 5xx to bad input", async () => {
    const attempts: [string, () => Promise<Response>, number, string?][] = [
      ["not JSON", () => notesRoute.POST(json("POST", "/api/notes", "{oops")), 400],
      ["JSON null", () => notesRoute.POST(json("POST", "/api/notes", "null")), 400],
      [
        "no body",
        () =>
          notesRoute.POST(
            new Request(url("/api/notes"), { method: "POST", headers: { "content-type": "application/json" } }),
          ),
        400,
      ],
      [
        "chapter as text",
        () => notesRoute.POST(json("POST", "/api/notes", { course: "deep-dive-llms", chapter: "x", body: "" })),
        400,
        "chapter",
      ],
      [
        "unknown course",
        () => notesRoute.POST(json("POST", "/api/notes", { course: "no-such-course", chapter: 1, body: "" })),
        404,
        "chapter",
      ],
      [
        "unknown chapter",
        () => notesRoute.POST(json("POST", "/api/notes", { course: "deep-dive-llms", chapter: 99, body: "" })),
        404,
        "chapter",
      ],
      [
        "body too large",
        () =>
          notesRoute.POST(
            json("POST", "/api/notes", { course: "deep-dive-llms", chapter: 1, body: "x".repeat(100_001) }),
          ),
        413,
        "body",
      ],
      [
        "request too large",
        () =>
          notesRoute.POST(
            json("POST", "/api/notes", { course: "deep-dive-llms", chapter: 1, body: "x".repeat(1_000_001) }),
          ),
        413,
      ],
      ["bad list query", () => notesRoute.GET(new Request(url("/api/notes?chapter=%00"))), 400, "chapter"],
      [
        "unknown list chapter",
        () => notesRoute.GET(new Request(url("/api/notes?course=deep-dive-llms&chapter=77"))),
        404,
        "chapter",
      ],
      ["unknown query field", () => notesRoute.GET(new Request(url("/api/notes?limit=5"))), 400, "limit"],
      [
        "unknown id",
        () => noteRoute.GET(new Request(url("/api/notes/nope-nope-nope")), params("nope-nope-nope")),
        404,
        "id",
      ],
      ["malformed id", () => noteRoute.GET(new Request(url("/api/notes/%2E%2E")), params("..")), 404, "id"],
      [
        "patch unknown id",
        () =>
          noteRoute.PATCH(
            json("PATCH", "/api/notes/nope-nope-nope", { body: "x", version: 1 }),
            params("nope-nope-nope"),
          ),
        404,
      ],
      [
        "patch without version",
        () => noteRoute.PATCH(json("PATCH", "/api/notes/api-note-2", { body: "x" }), params("api-note-2")),
        400,
        "version",
      ],
      [
        "patch with a string version",
        () =>
          noteRoute.PATCH(json("PATCH", "/api/notes/api-note-2", { body: "x", version: "1" }), params("api-note-2")),
        400,
        "version",
      ],
      [
        "patch an array",
        () => noteRoute.PATCH(json("PATCH", "/api/notes/api-note-2", [1, 2]), params("api-note-2")),
        400,
      ],
      [
        "delete unknown id",
        () =>
          noteRoute.DELETE(
            new Request(url("/api/notes/nope-nope-nope"), { method: "DELETE" }),
            params("nope-nope-nope"),
          ),
        404,
      ],
      [
        "restore unknown id",
        () => restoreRoute.POST(new Request(url("/x"), { method: "POST" }), params("nope-nope-nope")),
        404,
      ],
      [
        "import junk",
        () => importRoute.POST(json("POST", "/api/notes/import", { notes: "all of them" })),
        400,
        "format",
      ],
      [
        "import a bad note",
        () =>
          importRoute.POST(
            json("POST", "/api/notes/import", { format: "study-sheets-notes", version: 1, notes: [{ id: "x" }] }),
          ),
        400,
        "notes.0.id",
      ],
      ["export bad format", () => exportRoute.GET(new Request(url("/api/notes/export?format=pdf"))), 400, "format"],
      [
        "progress bad status",
        () =>
          progressRoute.POST(
            json("POST", "/api/progress", { course: "deep-dive-llms", chapter: 1, status: "finished" }),
          ),
        400,
        "status",
      ],
      [
        "progress unknown chapter",
        () => progressRoute.GET(new Request(url("/api/progress?course=deep-dive-llms&chapter=98"))),
        404,
        "chapter",
      ],
      ["progress missing query", () => progressRoute.GET(new Request(url("/api/progress"))), 400, "course"],
    ];
    for (const [label, attempt, status, field] of attempts) {
      const response = await attempt();
      expect(response.status, label).toBe(status);
      const payload = await response.json();
      expect(typeof payload.error, label).toBe("string");
      if (field) expect(payload.field, label).toBe(field);
    }
  });

  it("refuses a cross-site request (403) and a body that is not JSON (415) on every write route", async () => {
    const note = { id: "api-note-2", course: "deep-dive-llms", chapter: 3, body: "once" };
    const writes: [string, (headers: Record<string, string>) => Promise<Response>][] = [
      ["create", (headers) => notesRoute.POST(hostile("POST", "/api/notes", note, headers))],
      [
        "edit",
        (headers) =>
          noteRoute.PATCH(
            hostile("PATCH", "/api/notes/api-note-2", { body: "x", version: 1 }, headers),
            params("api-note-2"),
          ),
      ],
      [
        "delete",
        (headers) => noteRoute.DELETE(hostile("DELETE", "/api/notes/api-note-2", null, headers), params("api-note-2")),
      ],
      [
        "restore",
        (headers) =>
          restoreRoute.POST(hostile("POST", "/api/notes/api-note-2/restore", null, headers), params("api-note-2")),
      ],
      [
        "import",
        (headers) =>
          importRoute.POST(
            hostile("POST", "/api/notes/import", { format: "study-sheets-notes", version: 1, notes: [] }, headers),
          ),
      ],
      [
        "progress",
        (headers) =>
          progressRoute.POST(
            hostile("POST", "/api/progress", { course: "deep-dive-llms", chapter: 1, status: "done" }, headers),
          ),
      ],
    ];
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      { origin: "https://evil.example" },
      { "sec-fetch-site": "same-site", "content-type": "application/json" },
    ];
    let refused = 0;
    for (const [label, write] of writes) {
      for (const headers of crossSite) {
        const response = await write(headers);
        expect(response.status, `${label} ${JSON.stringify(headers)}`).toBe(403);
        expect((await response.json()).error, label).toMatch(/another site/);
        refused++;
      }
    }
    expect(refused).toBe(writes.length * crossSite.length);
    let notJson = 0;
    for (const [label, write] of writes.filter(([name]) => name !== "delete" && name !== "restore")) {
      const response = await write({ "content-type": "text/plain" });
      expect(response.status, label).toBe(415);
      notJson++;
    }
    expect(notJson).toBe(4);
    const list = await (await notesRoute.GET(new Request(url("/api/notes?course=deep-dive-llms&chapter=3")))).json();
    expect(list.notes.map((n: { body: string; version: number }) => [n.body, n.version])).toEqual([["once", 1]]);
  });

  it("exports Markdown and JSON, and imports the JSON idempotently", async () => {
    const markdown = await exportRoute.GET(new Request(url("/api/notes/export?course=deep-dive-llms&format=markdown")));
    expect(markdown.headers.get("content-disposition")).toMatch(
      /attachment; filename="study-notes-deep-dive-llms-.*\.md"/,
    );
    const text = await markdown.text();
    expect(text).toMatch(/## Deep Dive into LLMs.* — 8\. /);
    expect(text).toContain("hello");

    const file = await (await exportRoute.GET(new Request(url("/api/notes/export?format=json")))).json();
    expect(file.notes.length).toBeGreaterThanOrEqual(2);
    const imported = await (await importRoute.POST(json("POST", "/api/notes/import", file))).json();
    expect(imported).toEqual({ imported: 0, restored: 0, updated: 0, kept: file.notes.length, orphaned: 0 });
  });

  it("records progress", async () => {
    const response = await progressRoute.POST(
      json("POST", "/api/progress", { course: "deep-dive-llms", chapter: 8, status: "studying", visited: true }),
    );
    expect(await response.json()).toMatchObject({ status: "studying" });
    const read = await (
      await progressRoute.GET(new Request(url("/api/progress?course=deep-dive-llms&chapter=8")))
    ).json();
    expect(read.status).toBe("studying");
    expect(read.lastVisitedAt).not.toBeNull();
  });
});
