import { useTranslations } from "next-intl";
import { formatContentError, type ContentError, type ContentErrorScope } from "@/lib/content/errors";

/**
 * Content errors, shown in place of what they broke: file:line first, then what to fix. The words
 * around them follow the interface language; the messages themselves are content:check's (English).
 */
export function ContentErrorList({ errors, scope = "chapter" }: { errors: ContentError[]; scope?: ContentErrorScope }) {
  const t = useTranslations("errors.content");
  return (
    <div className="content-errors" role="alert" data-content-errors>
      <h2>⚠ {t(scope)}</h2>
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
