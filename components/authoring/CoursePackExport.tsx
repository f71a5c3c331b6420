import { useTranslations } from "next-intl";
/** The course page's export links: the pack alone, or with the notes and diagram edits. */
export function CoursePackExport({ course }: { course: string }) {
  const t = useTranslations("authoring.packExport");
  const href = `/api/courses/${course}/export`;
  return (
    <span className="pack-export" data-pack-export>
      <a className="btn" href={href} download>
        ⬇ {t("export")}
      </a>
      <a className="btn" href={`${href}?notes=1`} download data-pack-export-notes>
        ⬇ {t("withNotes")}
      </a>
    </span>
  );
}
