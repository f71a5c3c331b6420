/**
 * The arithmetic of a booklet: on which page of the booklet each chapter starts.
 */

/** Pages before the first chapter when the contents fit one page: the cover and the contents. */
export const FRONT_PAGES = 2;

/** The 1-based first page of each chapter, after `frontPages` pages, given each chapter's page count. */
export function chapterStartPages(frontPages: number, chapterPageCounts: readonly number[]): number[] {
  let next = frontPages + 1;
  return chapterPageCounts.map((count) => {
    const start = next;
    next += count;
    return start;
  });
}
