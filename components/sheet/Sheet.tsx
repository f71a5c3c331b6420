import { run } from "@mdx-js/mdx";
import * as runtime from "react/jsx-runtime";
import { sheetComponents } from "@/components/mdx";
import type { CompiledSheet } from "@/lib/content/sheet";
import { gridTracks } from "@/lib/sheet-layout/layout";
import { SheetFrame } from "./SheetFrame";

/** The A4 sheet: the compiled MDX, laid out in the exact row proportions of its layout. */
export async function Sheet({ sheet, courseTitle, startSeconds }: { sheet: CompiledSheet; courseTitle: string; startSeconds?: number }) {
  const { default: Content } = await run(sheet.code, { ...runtime, baseUrl: import.meta.url });
  const components = sheetComponents({
    chapter: sheet.chapter,
    title: sheet.title,
    titleKr: sheet.titleKr,
    author: sheet.author,
    sourceUrl: sheet.sourceUrl,
    courseTitle,
    startSeconds,
  });
  return (
    <SheetFrame rows={gridTracks(sheet.grid.rows.map((row) => row.height))} label={`${sheet.chapter}. ${sheet.title}`}>
      <Content components={components} />
    </SheetFrame>
  );
}
