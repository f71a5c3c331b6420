import type { ComponentProps, ReactNode } from "react";
import { safeUrl } from "@/lib/links/safe-url";

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

/** A markdown link: only http(s), mailto and in-app targets are links, anything else is its text. */
export function SheetLink({ href, children }: ComponentProps<"a">) {
  const target = typeof href === "string" ? safeUrl(href) : "";
  if (!target) return <span className="sheet-dead-link">{children}</span>;
  const external = /^(https?:)?\/\//i.test(target);
  return external ? (
    <a href={target} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <a href={target}>{children}</a>
  );
}
