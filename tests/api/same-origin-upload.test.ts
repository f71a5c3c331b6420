import { describe, expect, it } from "vitest";
import { assertSameOrigin, assertSameOriginJson } from "@/lib/api/same-origin";
import { readUpload } from "@/lib/api/upload";

const url = "http://127.0.0.1:3000/api/courses";
const post = (headers: Record<string, string>, body: BodyInit | null = "{}") =>
  new Request(url, { method: "POST", headers, body });

describe("assertSameOrigin", () => {
  it("lets same-origin and direct requests through and refuses cross-site ones with 403", () => {
    expect(assertSameOrigin(post({ "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(assertSameOrigin(post({}))).toBeNull();
    expect(assertSameOrigin(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBeNull();
    expect(assertSameOrigin(post({ "sec-fetch-site": "cross-site" }))?.status).toBe(403);
    expect(assertSameOrigin(post({ "sec-fetch-site": "same-site" }))?.status).toBe(403);
    expect(assertSameOrigin(post({ origin: "https://evil.example", host: "127.0.0.1:3000" }))?.status).toBe(403);
  });

  it("asks JSON routes for application/json (415 otherwise)", () => {
    expect(assertSameOriginJson(post({ "content-type": "application/json; charset=utf-8" }))).toBeNull();
    expect(assertSameOriginJson(post({ "content-type": "text/plain" }))?.status).toBe(415);
    expect(
      assertSameOriginJson(post({ "content-type": "application/json", "sec-fetch-site": "cross-site" }))?.status,
    ).toBe(403);
  });
});

describe("readUpload", () => {
  const options = { fileField: "file", rawTypes: ["application/zip"], maxBytes: 1000 };

  it("reads a multipart file and its fields, or a raw body with query fields", async () => {
    const form = new FormData();
    form.set("mode", "copy");
    form.set("file", new Blob([new Uint8Array([1, 2, 3])]), "pack.zip");
    const multipart = await readUpload(new Request(url, { method: "POST", body: form }), options);
    expect(multipart.ok && [...multipart.upload.bytes]).toEqual([1, 2, 3]);
    expect(multipart.ok && multipart.upload.fields.get("mode")).toBe("copy");
    const raw = await readUpload(
      new Request(`${url}?mode=replace`, {
        method: "POST",
        headers: { "content-type": "application/zip" },
        body: "zip",
      }),
      options,
    );
    expect(raw.ok && raw.upload.fields.get("mode")).toBe("replace");
  });

  it("answers 415 to other types, 413 over the limit, 400 to a form without the file", async () => {
    const status = async (request: Request) => {
      const result = await readUpload(request, options);
      return result.ok ? 200 : result.response.status;
    };
    expect(await status(post({ "content-type": "application/json" }))).toBe(415);
    expect(await status(post({ "content-type": "application/zip" }, "x".repeat(1001)))).toBe(413);
    const form = new FormData();
    form.set("mode", "new");
    expect(await status(new Request(url, { method: "POST", body: form }))).toBe(400);
  });
});
