import type { ReactNode } from "react";

/**
 * The tags messages may use in t.rich(): `<kbd>/</kbd>`, `<code>content/</code>`, and
 * `<content>“{title}”</content>` around a course's words quoted in a sentence (never translated).
 */
export const RICH_TAGS = {
  kbd: (chunks: ReactNode) => <kbd>{chunks}</kbd>,
  code: (chunks: ReactNode) => <code>{chunks}</code>,
  content: (chunks: ReactNode) => <span translate="no">{chunks}</span>,
};
