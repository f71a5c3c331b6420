import { describe, expect, it } from "vitest";
import { failureKind } from "@/lib/api/failure-kind";

describe("failureKind", () => {
  it("tells the user why from the status the API answered", () => {
    const statuses = [null, 0, 400, 403, 404, 409, 413, 415, 422, 503, 504, 500, 502, 418];
    expect(statuses.map(failureKind)).toEqual([
      "unreachable",
      "unreachable",
      "invalid",
      "forbidden",
      "notFound",
      "conflict",
      "tooLarge",
      "notJson",
      "contentErrors",
      "unavailable",
      "timeout",
      "server",
      "server",
      "other",
    ]);
  });
});
