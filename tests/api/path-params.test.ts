import { describe, expect, it } from "vitest";
import { decodePathSegment, pathProblem } from "@/lib/api/path-params";

describe("pathProblem", () => {
  it("lets plain and properly encoded paths through", () => {
    const fine = [
      "/",
      "/courses/deep-dive-llms/8",
      "/api/notes/abc-123_XYZ",
      "/api/search",
      "/courses/%ED%86%A0%ED%81%B0",
    ];
    for (const path of fine) expect(pathProblem(path), path).toBeNull();
    expect(fine).toHaveLength(5);
  });

  const refused: [string, RegExp][] = [
    ["/api/notes/%E0%A4%A", /not valid percent-encoding/],
    ["/api/notes/%ZZabcdefgh", /not valid percent-encoding/],
    ["/api/pdf/deep-dive-llms/%E0", /not valid percent-encoding/],
    ["/api/pdf/%E0/1", /not valid percent-encoding/],
    ["/api/diagrams/%E0/1", /not valid percent-encoding/],
    ["/api/notes/abc%", /not valid percent-encoding/],
    ["/api/notes/%00abcdefgh", /control character/],
    ["/courses/a%2Fb/1", /slash/],
    ["/courses/a%5C..%5Cb/1", /slash/],
    ["/courses/%2E%2E/1", /path step/],
    ["/courses/%2e/1", /path step/],
  ];
  it.each(refused)("refuses %s", (path, reason) => {
    expect(pathProblem(path)).toMatch(reason);
  });
});

describe("decodePathSegment", () => {
  it("decodes UTF-8 and answers null for what does not decode", () => {
    expect(decodePathSegment("%ED%86%A0%ED%81%B0")).toBe("토큰");
    expect(decodePathSegment("%E0%A4%A")).toBeNull();
    expect(decodePathSegment("%ED%A0%80")).toBeNull(); // an encoded lone surrogate
  });
});
