import { useTranslations } from "next-intl";
import type { ProgressStatus } from "@/lib/progress/status";

const ICONS: Record<ProgressStatus, string> = { not_started: "○", studying: "◐", done: "✓" };

export function StatusChip({ status }: { status: ProgressStatus }) {
  const t = useTranslations("course.status");
  const labels: Record<ProgressStatus, string> = {
    not_started: t("notStarted"),
    studying: t("studying"),
    done: t("done"),
  };
  return (
    <span className="status-chip" data-status={status}>
      <span aria-hidden="true">{ICONS[status]}</span> {labels[status]}
    </span>
  );
}
