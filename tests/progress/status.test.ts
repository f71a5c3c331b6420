import { describe, expect, it } from "vitest";
import { PROGRESS_STATUSES, progressStatus } from "@/lib/progress/status";

describe("study statuses", () => {
  it("are the three of the API and read unknown stored values as not started", () => {
    expect(PROGRESS_STATUSES).toEqual(["not_started", "studying", "done"]);
    expect(progressStatus("done")).toBe("done");
    expect(progressStatus("finished")).toBe("not_started");
    expect(progressStatus(undefined)).toBe("not_started");
  });
});
