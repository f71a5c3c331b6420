import type { Root } from "mdast";
import { visit } from "unist-util-visit";

/**
 * Raw HTML typed in a note is shown as the text it is, never parsed: a user who types `<b>` sees
 * `<b>`, and no tag or attribute can reach the page.
 */
export function remarkHtmlAsText() {
  return (tree: Root) => {
    visit(tree, "html", (node) => {
      (node as { type: string }).type = "text";
    });
  };
}
