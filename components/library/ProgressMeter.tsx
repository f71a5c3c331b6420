import { useTranslations } from "next-intl";
import type { CourseProgress } from "@/lib/library/progress";

/** Done chapters out of all, as a bar and in words. */
export function ProgressMeter({ progress, label }: { progress: CourseProgress; label: string }) {
  const t = useTranslations("library.progress");
  return (
    <div className="progress-meter" data-progress-done={progress.done} data-progress-percent={progress.percent}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.chapters}
        aria-valuenow={progress.done}
        aria-valuetext={t("value", { done: progress.done, chapters: progress.chapters })}
      >
        <span className="progress-fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="progress-words">
        {t.rich("words", {
          done: progress.done,
          chapters: progress.chapters,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
        {progress.studying > 0 ? ` · ${t("studying", { count: progress.studying })}` : ""}
        <span className="progress-percent"> · {progress.percent}%</span>
      </p>
    </div>
  );
}
