import { formatContentError, type ContentError } from "@/lib/content/errors";

/** A chapter's content errors, shown in place of its sheet: file:line first, then what to fix. */
export function ContentErrorList({ errors, title = "This chapter has content errors" }: { errors: ContentError[]; title?: string }) {
  return (
    <div className="content-errors" role="alert" data-content-errors>
      <h2>⚠ {title}</h2>
      <p>Fix them in the file and reload; every other chapter keeps working.</p>
      <ul>
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
