import type { ComponentProps, ReactNode } from "react";
import { TextLink } from "@/components/app/TextLink";
import { safeUrl } from "@/lib/links/safe-url";

/** The small building blocks authors write inside sections. Server components, no state. */

export function Box({
  title,
  icon,
  color = "gray",
  children,
}: {
  title?: string;
  icon?: string;
  color?: string;
  children?: ReactNode;
}) {
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

/**
 * `cardId` is set by the remark stage (remarkStudyCards): study mode and the quiz mask that place.
 * The words sit in a `.sheet-answer` of their own, so a mask hides them while its pen line, drawn
 * on the outer element, stays visible on every line the answer wraps onto.
 */
export function Highlight({
  color = "yellow",
  cardId,
  children,
}: {
  color?: string;
  cardId?: string;
  children?: ReactNode;
}) {
  return (
    <mark className="sheet-highlight" data-color={color} data-card-id={cardId}>
      <span className="sheet-answer">{children}</span>
    </mark>
  );
}

export function Term({
  en,
  cardId,
  reverseCardId,
  children,
}: {
  en: string;
  cardId?: string;
  reverseCardId?: string;
  children?: ReactNode;
}) {
  return (
    <span className="sheet-term">
      <dfn lang="en" data-reverse-card-id={reverseCardId}>
        <span className="sheet-answer">{en}</span>
      </dfn>
      {children ? (
        <span className="sheet-term-kr">
          {" ("}
          <span data-card-id={cardId}>
            <span className="sheet-answer">{children}</span>
          </span>
          )
        </span>
      ) : null}
    </span>
  );
}

/** An author's own recall card: the question, then the answer (masked in study mode and the quiz). */
export function Card({ front, back, cardId }: { front: string; back: string; cardId?: string }) {
  return (
    <span className="sheet-card">
      <span className="sheet-card-front">{front}</span>
      {" → "}
      <span className="sheet-card-back" data-card-id={cardId}>
        <span className="sheet-answer">{back}</span>
      </span>
    </span>
  );
}

/** A markdown link: only http(s), mailto and in-app targets are links, anything else is its text. */
export function SheetLink({ href, children }: ComponentProps<"a">) {
  return (
    <TextLink href={typeof href === "string" ? safeUrl(href) : ""} deadClassName="sheet-dead-link">
      {children}
    </TextLink>
  );
}
