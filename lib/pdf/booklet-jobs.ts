import { randomUUID } from "node:crypto";
import type { BookletProgress } from "./documents";
import { pdfFailure, type PdfFailure } from "./errors";

/** How long a finished booklet stays downloadable. */
const KEEP_FINISHED_MS = 10 * 60_000;
/** Finished booklets kept at most (each is a few MB of memory). */
const MAX_FINISHED = 6;

type BookletJobStatus =
  | { state: "running"; progress: BookletProgress }
  | { state: "done"; progress: BookletProgress; pdf: Uint8Array }
  | { state: "failed"; progress: BookletProgress; failure: PdfFailure };

/** What a booklet holds beyond its sheets: notes pages, answers blanked (a quiz booklet). */
export interface BookletOptions {
  notes: boolean;
  quiz: boolean;
}

export interface BookletJob extends BookletOptions {
  id: string;
  course: string;
  status: BookletJobStatus;
  finishedAt?: number;
}

/**
 * Booklets being printed in the background, so the app can show "chapter k of n" while one is
 * made and download it when it is done. A booklet asked for again while it is still being printed
 * joins the running job instead of printing it twice.
 */
export class BookletJobs {
  private readonly jobs = new Map<string, BookletJob>();

  constructor(private readonly now: () => number = Date.now) {}

  start(
    course: string,
    options: BookletOptions,
    total: number,
    make: (onProgress: (progress: BookletProgress) => void) => Promise<Uint8Array>,
  ): BookletJob {
    this.prune();
    const running = [...this.jobs.values()].find(
      (job) =>
        job.course === course &&
        job.notes === options.notes &&
        job.quiz === options.quiz &&
        job.status.state === "running",
    );
    if (running) return running;
    const job: BookletJob = {
      id: randomUUID(),
      course,
      notes: options.notes,
      quiz: options.quiz,
      status: { state: "running", progress: { phase: "sheets", done: 0, total } },
    };
    this.jobs.set(job.id, job);
    make((progress) => {
      if (job.status.state === "running") job.status = { state: "running", progress };
    }).then(
      (pdf) => {
        job.finishedAt = this.now();
        job.status = { state: "done", progress: { phase: "assembling", done: total, total }, pdf };
      },
      (error: unknown) => {
        job.finishedAt = this.now();
        const failure = pdfFailure(error);
        if (failure.status === 500) console.error("booklet failed:", error);
        job.status = { state: "failed", progress: job.status.progress, failure };
      },
    );
    return job;
  }

  get(id: string): BookletJob | undefined {
    this.prune();
    return this.jobs.get(id);
  }

  /** Forgets booklets finished long ago, and the oldest beyond the few kept. */
  private prune() {
    const finished = [...this.jobs.values()]
      .filter((job) => job.finishedAt !== undefined)
      .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
    finished.forEach((job, index) => {
      if (index >= MAX_FINISHED || this.now() - (job.finishedAt ?? 0) > KEEP_FINISHED_MS) this.jobs.delete(job.id);
    });
  }
}

const globalForJobs = globalThis as typeof globalThis & { studySheetsBookletJobs?: BookletJobs };

/** The server's booklet jobs (on globalThis, so `next dev` reloads keep them). */
export function bookletJobs(): BookletJobs {
  globalForJobs.studySheetsBookletJobs ??= new BookletJobs();
  return globalForJobs.studySheetsBookletJobs;
}
