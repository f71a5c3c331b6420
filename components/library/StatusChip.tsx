import type { StudyStatus } from "@/lib/library/progress";

const LABELS: Record<StudyStatus, string> = { not_started: "Not started", studying: "Studying", done: "Done" };
const ICONS: Record<StudyStatus, string> = { not_started: "○", studying: "◐", done: "✓" };

export function StatusChip({ status }: { status: StudyStatus }) {
  return (
    <span className="status-chip" data-status={status}>
      <span aria-hidden="true">{ICONS[status]}</span> {LABELS[status]}
    </span>
  );
}
