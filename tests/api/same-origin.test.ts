import { describe, expect, it } from "vitest";
import { assertJsonBody, assertSameOrigin } from "@/lib/api/same-origin";

function request(headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1:3000/api/content/c/1/sheet", {
    method: "PUT",
    headers: { host: "127.0.0.1:3000", ...headers },
  });
}

describe("assertSameOrigin", () => {
  it("lets the app's own pages and non-browser clients through", () => {
    expect(assertSameOrigin(request({ "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(assertSameOrigin(request({}))).toBeNull();
  });

  it("refuses cross-site and same-site-but-other-origin requests with 403", async () => {
    const cases: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:4000" },
      { origin: "https://evil.example" },
      { origin: "null" },
    ];
    for (const headers of cases) {
      const answer = assertSameOrigin(request(headers));
      expect(answer?.status, JSON.stringify(headers)).toBe(403);
    }
    expect(cases).toHaveLength(4);
  });
});

describe("assertJsonBody", () => {
  it("refuses bodies not declared as JSON with 415", () => {
    expect(assertJsonBody(request({ "content-type": "application/json; charset=utf-8" }))).toBeNull();
    expect(assertJsonBody(request({ "content-type": "text/plain" }))?.status).toBe(415);
    expect(assertJsonBody(request({}))?.status).toBe(415);
  });
});
