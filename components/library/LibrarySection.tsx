import type { ReactNode } from "react";

/**
 * A titled list of the library page (courses, latest notes): each item drawn by `children`, or
 * `empty` (what to do to get some) when there is none.
 */
export function LibrarySection<T>({
  id,
  title,
  empty,
  ordered = false,
  items,
  listClassName,
  children: item,
}: {
  id: string;
  title: string;
  empty: ReactNode;
  ordered?: boolean;
  items: readonly T[];
  listClassName: string;
  children: (item: T) => ReactNode;
}) {
  const List = ordered ? "ol" : "ul";
  return (
    <section aria-labelledby={`${id}-title`} className="library-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {items.length === 0 ? (
        <p className="library-empty">{empty}</p>
      ) : (
        <List className={listClassName}>{items.map(item)}</List>
      )}
    </section>
  );
}
