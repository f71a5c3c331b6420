import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failureResponse, parseJsonRequest, refuseCrossSite } from "@/lib/api/http";

const schema = z.strictObject({ title: z.string().max(20), tags: z.array(z.string()).optional() });
const HOST = "127.0.0.1:3000";

function request(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(`http://${HOST}/api/thing`, {
    method: "POST",
    body,
    headers: { host: HOST, "content-type": "application/json", ...headers },
  });
}

describe("parseJsonRequest", () => {
  it("gives the parsed body of a same-origin JSON request", async () => {
    const parsed = await parseJsonRequest(
      request(JSON.stringify({ title: "ok" }), { origin: `http://${HOST}`, "sec-fetch-site": "same-origin" }),
      schema,
      1000,
    );
    expect(parsed).toEqual({ ok: true, data: { title: "ok" } });
  });

  it("lets through a request with no browser headers (curl, scripts) and a utf-8 charset", async () => {
    const parsed = await parseJsonRequest(
      request('{"title":"ok"}', { "content-type": "Application/JSON; charset=UTF-8" }),
      schema,
      1000,
    );
    expect(parsed.ok).toBe(true);
  });

  const cases: [string, Request, number, string?][] = [
    ["cross-site fetch", request('{"title":"x"}', { "sec-fetch-site": "cross-site" }), 403],
    ["same-site fetch (a sibling subdomain)", request('{"title":"x"}', { "sec-fetch-site": "same-site" }), 403],
    ["foreign Origin", request('{"title":"x"}', { origin: "https://evil.example" }), 403],
    ["Origin on another port", request('{"title":"x"}', { origin: "http://127.0.0.1:9999" }), 403],
    ["opaque Origin", request('{"title":"x"}', { origin: "null" }), 403],
    [
      "classic form post",
      request('{"title":"x"}', { origin: "https://evil.example", "content-type": "text/plain" }),
      403,
    ],
    ["text/plain", request('{"title":"x"}', { "content-type": "text/plain" }), 415],
    ["form encoding", request("title=x", { "content-type": "application/x-www-form-urlencoded" }), 415],
    ["a JSON look-alike type", request('{"title":"x"}', { "content-type": "application/jsonp" }), 415],
    ["latin-1 charset", request('{"title":"x"}', { "content-type": "application/json; charset=latin1" }), 415],
    ["over the byte limit", request(JSON.stringify({ title: "x".repeat(2000) })), 413],
    ["string over its max", request(JSON.stringify({ title: "x".repeat(21) })), 413, "title"],
    ["not JSON", request("{oops"), 400],
    ["no body", request(null), 400],
    ["zod failure names the field", request(JSON.stringify({ title: 5 })), 400, "title"],
    ["lone surrogate", request('{"title":"a\\ud800b"}'), 400, "title"],
    ["lone surrogate deep in an array", request('{"title":"a","tags":["ok","\\udc00"]}'), 400, "tags.1"],
    [
      "invalid UTF-8 in a string",
      request(Buffer.from([...Buffer.from('{"title":"a'), 0xe0, 0xa4, ...Buffer.from('"}')])),
      400,
      "title",
    ],
  ];
  it.each(cases)("refuses %s", async (_name, hostile, status, field) => {
    const parsed = await parseJsonRequest(hostile, schema, 1000);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.status).toBe(status);
    expect(parsed.field).toBe(field);
    expect(parsed.error).toMatch(/\w/);
  });

  it("accepts properly paired surrogates (emoji) untouched", async () => {
    const parsed = await parseJsonRequest(request('{"title":"\\ud83d\\ude00 ok"}'), schema, 1000);
    expect(parsed).toEqual({ ok: true, data: { title: "😀 ok" } });
  });

  it("answers the same to the same invalid text twice (a retry is not a conflict)", async () => {
    const body = '{"title":"\\udfff"}';
    const first = await parseJsonRequest(request(body), schema, 1000);
    const second = await parseJsonRequest(request(body), schema, 1000);
    expect(second).toEqual(first);
  });

  it("closes the connection when it refuses a body it did not read", async () => {
    const parsed = await parseJsonRequest(request(JSON.stringify({ title: "x".repeat(2000) })), schema, 1000);
    if (parsed.ok) throw new Error("expected a refusal");
    const response = failureResponse(parsed);
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect(await response.json()).toEqual({ error: parsed.error });
  });
});

describe("refuseCrossSite", () => {
  const bare = (headers: Record<string, string>) =>
    new Request(`http://${HOST}/api/thing/1`, { method: "DELETE", headers: { host: HOST, ...headers } });

  it("lets our own pages, typed URLs and non-browser clients through", () => {
    expect(refuseCrossSite(bare({ "sec-fetch-site": "same-origin", origin: `http://${HOST}` }))).toBeNull();
    expect(refuseCrossSite(bare({ "sec-fetch-site": "none" }))).toBeNull();
    expect(refuseCrossSite(bare({}))).toBeNull();
  });

  it("answers 403 with a JSON error to another site", async () => {
    const crossSite: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
      { origin: "%%" },
    ];
    for (const headers of crossSite) {
      const refused = refuseCrossSite(bare(headers));
      expect(refused?.status).toBe(403);
      expect(await refused?.json()).toMatchObject({ error: expect.stringContaining("another site") });
    }
  });
});
