import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app/AppHeader";
import { RICH_TAGS } from "@/components/app/rich-tags";
import { SheetSection } from "@/components/sheet/Sheet";
import { MasteryFigure } from "@/components/study/MasteryFigure";
import { ReviewCharts } from "@/components/study/ReviewCharts";
import { ReviewQueue } from "@/components/study/ReviewQueue";
import { DUE_LIMIT_MAX, reviewPageQuerySchema } from "@/lib/study/schemas";
import { dueQueue } from "@/lib/study/queue";
import { reviewSections } from "@/lib/study/review-sections";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Cards a page: a day's reviews come in batches; cramming takes the whole chapter. */
const BATCH = 50;

/**
 * /review[?course=][&chapter=&ahead=1]: the cards due today (study ahead, cram a chapter), one at
 * a time, each inside its own section of its sheet; the day's counts and progress charts.
 */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = reviewPageQuerySchema.safeParse(
    Object.fromEntries(
      Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    ),
  );
  const scope = parsed.success ? parsed.data : {};
  const ahead = scope.ahead === "1";
  const { course, chapter } = scope;
  const now = new Date();
  const queue = await dueQueue({ course, chapter, ahead, limit: chapter ? DUE_LIMIT_MAX : BATCH }, now);
  const sections: Record<string, ReactNode> = {};
  for (const [key, found] of await reviewSections(queue.cards)) {
    sections[key] = <SheetSection sheet={found.sheet} section={found.section} courseTitle={found.courseTitle} />;
  }
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
        {/* a new batch (the page made again) starts the queue over */}
        <ReviewQueue key={now.toISOString()} queue={queue} sections={sections} scope={{ course, chapter, ahead }} />
        <ReviewCharts />
      </main>
    </>
  );
}
