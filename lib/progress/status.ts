/** A chapter's study status: the one list the API schema, the database rows and the UI share. */
export const PROGRESS_STATUSES = ["not_started", "studying", "done"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** A stored status as a known one; anything else (or no row) counts as not started. */
export function progressStatus(status: string | null | undefined): ProgressStatus {
  return PROGRESS_STATUSES.find((known) => known === status) ?? "not_started";
}
