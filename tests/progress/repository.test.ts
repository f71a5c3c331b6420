import { describe, expect, it } from "vitest";
import { getProgress, listProgressRows, updateProgress } from "@/lib/progress/repository";
import { freshDatabaseEachTest } from "../db/helpers";

freshDatabaseEachTest("progress.db");

describe("the progress repository", () => {
  it("records study progress and visits", async () => {
    expect(await getProgress("deep-dive-llms", 8)).toEqual({
      course: "deep-dive-llms",
      chapter: 8,
      status: "not_started",
      lastVisitedAt: null,
    });
    const visited = await updateProgress({ course: "deep-dive-llms", chapter: 8, visited: true });
    expect(visited.status).toBe("not_started");
    expect(visited.lastVisitedAt).not.toBeNull();
    const done = await updateProgress({ course: "deep-dive-llms", chapter: 8, status: "done" });
    expect(done).toMatchObject({ status: "done", lastVisitedAt: visited.lastVisitedAt });
  });

  it("lists every row, or one course's", async () => {
    await updateProgress({ course: "deep-dive-llms", chapter: 8, status: "studying" });
    await updateProgress({ course: "kitchen-chemistry", chapter: 1, status: "done" });
    expect((await listProgressRows()).map((row) => row.course).sort()).toEqual(["deep-dive-llms", "kitchen-chemistry"]);
    expect(await listProgressRows("kitchen-chemistry")).toMatchObject([
      { course: "kitchen-chemistry", chapter: 1, status: "done" },
    ]);
  });
});
