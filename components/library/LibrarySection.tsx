import type { ReactNode } from "react";

/**
 * A titled part of the library page (courses, latest notes). `empty` is what it says when it has
 * nothing to list, shown instead of `children`; null when there is something.
 */
export function LibrarySection({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="library-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {empty === null ? children : <p className="library-empty">{empty}</p>}
    </section>
  );
}
