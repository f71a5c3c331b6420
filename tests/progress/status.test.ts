import { describe, expect, it } from "vitest";
import { PROGRESS_LABELS, PROGRESS_STATUSES, progressStatus } from "@/lib/progress/status";

describe("study statuses", () => {
  it("have a label each and read unknown stored values as not started", () => {
    expect(PROGRESS_STATUSES.map((status) => PROGRESS_LABELS[status])).toEqual(["Not started", "Studying", "Done"]);
    expect(progressStatus("done")).toBe("done");
    expect(progressStatus("finished")).toBe("not_started");
    expect(progressStatus(undefined)).toBe("not_started");
  });
});
