/** Which page of a chapter is open: its sheet, or its source page. */
export type ChapterView = "sheet" | "source";

export interface ChapterOption {
  number: number;
  title: string;
  written: boolean;
  hasSource: boolean;
}

/**
 * The page of chapter `number` to go to from a `view` page: moving between source pages stays on
 * source pages, except to a chapter that has none (its sheet page then says what there is).
 */
export function chapterPageHref(base: string, chapters: ChapterOption[], number: number, view: ChapterView): string {
  const target = chapters.find((c) => c.number === number);
  return view === "source" && target?.hasSource ? `${base}/${number}/source` : `${base}/${number}`;
}
