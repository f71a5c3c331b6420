"use client";

import { useShortcutRunner } from "./ShortcutProvider";

/** The header's search box look-alike (opens the palette) and the shortcuts button. */
export function HeaderTools() {
  const run = useShortcutRunner();
  return (
    <div className="header-tools">
      <button type="button" className="header-search" onClick={() => run("search")} aria-label="Search" aria-keyshortcuts="Control+K /" data-open-search>
        <span aria-hidden="true">🔍</span>
        <span className="header-search-label">Search</span>
        <kbd aria-hidden="true">Ctrl K</kbd>
      </button>
      <button type="button" className="btn header-help" onClick={() => run("help")} aria-label="Keyboard shortcuts" aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
        ?
      </button>
    </div>
  );
}
