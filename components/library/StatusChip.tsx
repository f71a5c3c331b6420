import { useTranslations } from "next-intl";
import type { StudyStatus } from "@/lib/library/progress";

const ICONS: Record<StudyStatus, string> = { not_started: "○", studying: "◐", done: "✓" };

export function StatusChip({ status }: { status: StudyStatus }) {
  const t = useTranslations("course.status");
  const labels: Record<StudyStatus, string> = { not_started: t("notStarted"), studying: t("studying"), done: t("done") };
  return (
    <span className="status-chip" data-status={status}>
      <span aria-hidden="true">{ICONS[status]}</span> {labels[status]}
    </span>
  );
}
