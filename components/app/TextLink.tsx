import type { ReactNode } from "react";

/**
 * A link written in text (a sheet's markdown, a note): an external one opens in a new tab that
 * cannot reach back to this one; no `href` (absent, or dropped as unsafe) leaves only its words.
 */
export function TextLink({
  href,
  deadClassName,
  nofollow = false,
  children,
}: {
  href: string;
  deadClassName: string;
  /** For text the user wrote (notes): no endorsement of what it links to. */
  nofollow?: boolean;
  children: ReactNode;
}) {
  if (!href) return <span className={deadClassName}>{children}</span>;
  if (!/^(https?:)?\/\//i.test(href)) return <a href={href}>{children}</a>;
  return (
    <a href={href} target="_blank" rel={nofollow ? "noopener noreferrer nofollow" : "noopener noreferrer"}>
      {children}
    </a>
  );
}
