import type { CourseProgress } from "@/lib/library/progress";

/** Done chapters out of all, as a bar and in words. */
export function ProgressMeter({ progress, label }: { progress: CourseProgress; label: string }) {
  return (
    <div className="progress-meter" data-progress-done={progress.done} data-progress-percent={progress.percent}>
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={progress.chapters} aria-valuenow={progress.done} aria-valuetext={`${progress.done} of ${progress.chapters} chapters done`}>
        <span className="progress-fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="progress-words">
        <strong>{progress.done}</strong> of {progress.chapters} done{progress.studying > 0 ? ` · ${progress.studying} studying` : ""}
        <span className="progress-percent"> · {progress.percent}%</span>
      </p>
    </div>
  );
}
