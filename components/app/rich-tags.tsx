import type { ReactNode } from "react";

/** The tags messages may use in t.rich(): `<kbd>/</kbd>`, `<code>content/</code>`. One set for every message. */
export const RICH_TAGS = {
  kbd: (chunks: ReactNode) => <kbd>{chunks}</kbd>,
  code: (chunks: ReactNode) => <code>{chunks}</code>,
};
