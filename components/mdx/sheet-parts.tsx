import type { ReactNode } from "react";

/** The small building blocks authors write inside sections. Server components, no state. */

export function Box({ title, icon, color = "gray", children }: { title?: string; icon?: string; color?: string; children?: ReactNode }) {
  return (
    <div className="sheet-box" data-color={color}>
      {title ? (
        <div className="sheet-box-title">
          {icon ? <span aria-hidden="true">{icon} </span> : null}
          {title}
        </div>
      ) : null}
      <div className="sheet-box-body">{children}</div>
    </div>
  );
}

export function Columns({ children }: { children?: ReactNode }) {
  return <div className="sheet-columns">{children}</div>;
}

export function Quote({ by, children }: { by?: string; children?: ReactNode }) {
  return (
    <figure className="sheet-quote">
      <blockquote>{children}</blockquote>
      {by ? <figcaption>— {by}</figcaption> : null}
    </figure>
  );
}

export function Highlight({ color = "yellow", children }: { color?: string; children?: ReactNode }) {
  return (
    <mark className="sheet-highlight" data-color={color}>
      {children}
    </mark>
  );
}

export function Term({ en, children }: { en: string; children?: ReactNode }) {
  return (
    <span className="sheet-term">
      <dfn lang="en">{en}</dfn>
      {children ? <span className="sheet-term-kr"> ({children})</span> : null}
    </span>
  );
}
