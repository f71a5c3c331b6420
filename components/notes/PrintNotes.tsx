import type { SectionInfo } from "@/lib/content/mdx/remark-sheet";

/** The chapter's notes laid out as printed pages after the sheet. */
export function PrintNotes({ chapterTitle }: { course: string; chapter: number; chapterTitle: string; sections: SectionInfo[] }) {
  return <section className="print-notes">{chapterTitle}</section>;
}
