import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/icons/[pack]/route";
import { iconPackFile } from "@/lib/mermaid/icon-pack-files";
import { iconPackSchema } from "@/lib/mermaid/icons";

const get = (pack: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/icons/${pack}`, { headers }), { params: Promise.resolve({ pack }) });

describe("GET /api/icons/<pack>", () => {
  it("sends each installed pack as Iconify JSON the browser's schema accepts", async () => {
    for (const [pack, icon] of [
      ["logos", "aws-s3"],
      ["mdi", "database"],
      ["fa", "user"],
    ] as const) {
      const response = await get(pack);
      expect(response.status, pack).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json");
      const set = iconPackSchema.parse(await response.json());
      expect(set.prefix).toBe(pack);
      expect(set.icons[icon]?.body, `${pack}:${icon}`).toContain("<");
    }
  });

  it("answers 304 to a browser that holds the same version, and 200 to one holding another", async () => {
    const etag = iconPackFile("mdi")?.etag ?? "";
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    const kept = await get("mdi", { "if-none-match": etag });
    expect(kept.status).toBe(304);
    expect(await kept.text()).toBe("");
    expect((await get("mdi", { "if-none-match": '"old"' })).status).toBe(200);
  });

  it("refuses a pack that is not installed, and any path, with 404 naming the field", async () => {
    for (const pack of ["simple", "..", "../../package", "icons.json", "__proto__"]) {
      const response = await get(pack);
      expect(response.status, pack).toBe(404);
      expect(await response.json()).toMatchObject({
        field: "pack",
        error: expect.stringContaining("bundled: logos, mdi, fa"),
      });
    }
    expect(iconPackFile("toString")).toBeNull();
  });
});
