/**
 * The arithmetic of a booklet: which chapters each browser page prints, and on which page of the
 * booklet each chapter starts.
 */

/** Pages before the first chapter when the contents fit one page: the cover and the contents. */
export const FRONT_PAGES = 2;

/** Splits `items` into at most `parts` runs of nearly equal length, keeping their order. */
export function splitIntoRuns<T>(items: readonly T[], parts: number): T[][] {
  const count = Math.max(1, Math.min(parts, items.length));
  const runs: T[][] = [];
  let start = 0;
  for (let index = 0; index < count; index++) {
    const end = start + Math.ceil((items.length - start) / (count - index));
    runs.push(items.slice(start, end));
    start = end;
  }
  return runs.filter((run) => run.length > 0);
}

/** The 1-based first page of each chapter, after `frontPages` pages, given each chapter's page count. */
export function chapterStartPages(frontPages: number, chapterPageCounts: readonly number[]): number[] {
  let next = frontPages + 1;
  return chapterPageCounts.map((count) => {
    const start = next;
    next += count;
    return start;
  });
}
