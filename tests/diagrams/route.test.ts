import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/diagrams/[course]/[chapter]/[...key]/route";

const get = (key: string[]) =>
  GET(new Request("http://127.0.0.1/api/diagrams/deep-dive-llms/8/x"), {
    params: Promise.resolve({ course: "deep-dive-llms", chapter: "8", key }),
  });

describe("GET /api/diagrams/<course>/<chapter>/<key>", () => {
  it("refuses a key that is not <section id>/<n> with a 400 naming diagramKey", async () => {
    for (const key of [["..", "etc"], ["Pipeline", "1"], ["pipeline", "0"], ["pipeline"], ["a", "1", "2"]]) {
      const response = await get(key);
      expect(response?.status, key.join("/")).toBe(400);
      expect(await response?.json()).toMatchObject({ field: "diagramKey" });
    }
  });

  it("answers 404 for a well-formed key the sheet does not have", async () => {
    expect((await get(["no-such-section", "1"]))?.status).toBe(404);
  });
});
