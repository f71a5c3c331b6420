import { describe, expect, it } from "vitest";
import { readUpload } from "@/lib/api/upload";

const url = "http://127.0.0.1:3000/api/courses";
const post = (headers: Record<string, string>, body: BodyInit | null = "{}") =>
  new Request(url, { method: "POST", headers, body });

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
