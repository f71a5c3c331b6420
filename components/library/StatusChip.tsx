import { PROGRESS_LABELS, type ProgressStatus } from "@/lib/progress/status";

const ICONS: Record<ProgressStatus, string> = { not_started: "○", studying: "◐", done: "✓" };

export function StatusChip({ status }: { status: ProgressStatus }) {
  return (
    <span className="status-chip" data-status={status}>
      <span aria-hidden="true">{ICONS[status]}</span> {PROGRESS_LABELS[status]}
    </span>
  );
}
