const LABELS = {
  export: "⬇ Export course (.zip)",
  withNotes: "⬇ Export with my notes",
} as const;

/** The course page's export links: the pack alone, or with the notes and diagram edits. */
export function CoursePackExport({ course }: { course: string }) {
  const href = `/api/courses/${course}/export`;
  return (
    <span className="pack-export" data-pack-export>
      <a className="btn" href={href} download>
        {LABELS.export}
      </a>
      <a className="btn" href={`${href}?notes=1`} download data-pack-export-notes>
        {LABELS.withNotes}
      </a>
    </span>
  );
}
