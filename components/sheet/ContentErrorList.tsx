import { useTranslations } from "next-intl";
import { formatContentError, type ContentError } from "@/lib/content/errors";

export type ContentErrorScope = "chapter" | "course" | "source" | "booklet";

/**
 * Content errors, shown in place of what they broke: file:line first, then what to fix. The words
 * around them follow the interface language; the messages themselves are content:check's (English).
 */
export function ContentErrorList({ errors, scope = "chapter" }: { errors: ContentError[]; scope?: ContentErrorScope }) {
  const t = useTranslations("errors.content");
  const titles: Record<ContentErrorScope, string> = {
    chapter: t("chapter"),
    course: t("course"),
    source: t("source"),
    booklet: t("booklet"),
  };
  return (
    <div className="content-errors" role="alert" data-content-errors>
      <h2>⚠ {titles[scope]}</h2>
      <p>{t("fix")}</p>
      <ul translate="no" lang="en">
        {errors.map((error) => (
          <li key={formatContentError(error)}>
            <code>
              {error.file}:{error.line}
              {error.column ? `:${error.column}` : ""}
            </code>
            {error.field ? <span className="content-errors-field"> {error.field}</span> : null}
            <span> — {error.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
