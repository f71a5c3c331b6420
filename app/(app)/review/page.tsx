import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/app/AppHeader";
import { MasteryFigure } from "@/components/study/MasteryFigure";
import { ReviewCharts } from "@/components/study/ReviewCharts";
import { ReviewQueue } from "@/components/study/ReviewQueue";
import { scopeQuerySchema } from "@/lib/study/schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /review[?course=]: the cards due today, one at a time, with the day's counts and progress charts. */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const scope = scopeQuerySchema.safeParse({ course: params.course || undefined });
  const course = scope.success ? scope.data.course : undefined;
  const exportHref = `/api/review/export${course ? `?course=${course}` : ""}`;
  return (
    <>
      <AppHeader crumbs={[{ label: "Review" }]} />
      <main className="review-page">
        <header className="review-header">
          <h1>Review{course ? ` · ${course}` : ""}</h1>
          <p className="app-hint">
            <kbd>Space</kbd> shows the answer · <kbd>1</kbd>–<kbd>4</kbd> Again / Hard / Good / Easy · <MasteryFigure course={course} /> ·{" "}
            <a href={exportHref} download>
              Export for Anki (TSV)
            </a>
            {course ? (
              <>
                {" "}
                · <Link href="/review">every course</Link>
              </>
            ) : null}
          </p>
        </header>
        <ReviewQueue course={course} />
        <ReviewCharts />
      </main>
    </>
  );
}
