"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { MasteryJson } from "@/lib/study/schemas";
import { fetchMastery, percent } from "./study-data";

/** One request for every figure on the page. */
let shared: Promise<MasteryJson | null> | null = null;
function loadMastery(): Promise<MasteryJson | null> {
  shared ??= fetchMastery().finally(() => {
    // the next page view asks again
    setTimeout(() => (shared = null), 0);
  });
  return shared;
}

/** "🎯 37 % mastery" of the library, a course or one chapter. */
export function MasteryFigure({ course, chapter }: { course?: string; chapter?: number }) {
  const t = useTranslations("study");
  const [value, setValue] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadMastery().then((report) => {
      if (!live || !report) return;
      if (!course) setValue(report.library);
      else if (chapter === undefined) setValue(report.courses[course]?.mastery ?? null);
      else setValue(report.courses[course]?.chapters[String(chapter)] ?? null);
    });
    return () => {
      live = false;
    };
  }, [course, chapter]);
  return (
    <span className="mastery-figure" title={t("masteryTitle")} data-mastery={value ?? ""}>
      🎯 {t("masteryFigure", { value: percent(value) })}
    </span>
  );
}
