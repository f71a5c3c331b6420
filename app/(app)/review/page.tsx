import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app/AppHeader";
import { RICH_TAGS } from "@/components/app/rich-tags";
import { MasteryFigure } from "@/components/study/MasteryFigure";
import { ReviewCharts } from "@/components/study/ReviewCharts";
import { ReviewQueue } from "@/components/study/ReviewQueue";
import { scopeQuerySchema } from "@/lib/study/schemas";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /review[?course=]: the cards due today, one at a time, with the day's counts and progress charts. */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const scope = scopeQuerySchema.safeParse({ course: params.course || undefined });
  const course = scope.success ? scope.data.course : undefined;
  const t = await getTranslations("review");
  const exportHref = `/api/review/export${course ? `?course=${course}` : ""}`;
  return (
    <>
      <AppHeader crumbs={[{ label: t("title") }]} />
      <main className="review-page">
        <header className="review-header">
          <h1>
            {t("title")}
            {course ? <span translate="no"> · {course}</span> : null}
          </h1>
          <p className="app-hint">
            {t.rich("keys", RICH_TAGS)} · <MasteryFigure course={course} /> ·{" "}
            <a href={exportHref} download>
              {t("export")}
            </a>
            {course ? (
              <>
                {" "}
                · <Link href="/review">{t("everyCourse")}</Link>
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
