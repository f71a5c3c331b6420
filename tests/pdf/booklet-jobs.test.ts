import { describe, expect, it } from "vitest";
import { BookletJobs } from "@/lib/pdf/booklet-jobs";
import type { BookletProgress } from "@/lib/pdf/documents";
import { ChromiumMissingError, PageNotReadyError } from "@/lib/pdf/errors";

function controlled() {
  let report: (progress: BookletProgress) => void = () => {};
  let finish: (pdf: Uint8Array) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const make = (onProgress: (progress: BookletProgress) => void) => {
    report = onProgress;
    return new Promise<Uint8Array>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    make,
    report: (p: BookletProgress) => report(p),
    finish: (pdf: Uint8Array) => finish(pdf),
    fail: (e: unknown) => fail(e),
  };
}

const PLAIN = { notes: false, quiz: false };

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("booklet jobs", () => {
  it("follows a booklet from chapter 0 of n to done", async () => {
    const jobs = new BookletJobs();
    const work = controlled();
    const job = jobs.start("c", PLAIN, 24, work.make);
    expect(jobs.get(job.id)?.status).toEqual({ state: "running", progress: { phase: "sheets", done: 0, total: 24 } });
    work.report({ phase: "sheets", done: 7, total: 24 });
    expect(jobs.get(job.id)?.status).toEqual({ state: "running", progress: { phase: "sheets", done: 7, total: 24 } });
    work.finish(new Uint8Array([1, 2, 3]));
    await settle();
    const status = jobs.get(job.id)?.status;
    expect(status?.state).toBe("done");
    expect(status?.state === "done" ? [...status.pdf] : []).toEqual([1, 2, 3]);
  });

  it("joins a booklet already being printed instead of printing it twice", () => {
    const jobs = new BookletJobs();
    const first = jobs.start("c", PLAIN, 3, controlled().make);
    expect(jobs.start("c", PLAIN, 3, controlled().make).id).toBe(first.id);
    expect(jobs.start("c", { notes: true, quiz: false }, 3, controlled().make).id).not.toBe(first.id);
    expect(jobs.start("c", { notes: false, quiz: true }, 3, controlled().make).id).not.toBe(first.id);
    expect(jobs.start("other", PLAIN, 3, controlled().make).id).not.toBe(first.id);
  });

  it("keeps the status and message of a failure (the install line for a missing Chromium)", async () => {
    const jobs = new BookletJobs();
    const notReady = controlled();
    const missing = controlled();
    const a = jobs.start("a", PLAIN, 3, notReady.make);
    const b = jobs.start("b", PLAIN, 3, missing.make);
    notReady.fail(new PageNotReadyError("diagram x did not render"));
    missing.fail(new ChromiumMissingError("no chromium"));
    await settle();
    expect(jobs.get(a.id)?.status).toMatchObject({
      state: "failed",
      failure: { status: 504, error: "diagram x did not render" },
    });
    expect(jobs.get(b.id)?.status).toMatchObject({
      state: "failed",
      failure: { status: 503, install: expect.stringContaining("apt-get install -y chromium") },
    });
  });

  it("forgets finished booklets after ten minutes", async () => {
    let now = 0;
    const jobs = new BookletJobs(() => now);
    const work = controlled();
    const job = jobs.start("c", PLAIN, 1, work.make);
    work.finish(new Uint8Array([1]));
    await settle();
    now = 9 * 60_000;
    expect(jobs.get(job.id)).toBeDefined();
    now = 11 * 60_000;
    expect(jobs.get(job.id)).toBeUndefined();
  });
});
