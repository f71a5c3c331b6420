/**
 * The ids of drawings (Mermaid writes a drawing's id into its markers and styles too): one part new
 * on each page load, so a drawing kept from an earlier load (components/mermaid/stored-drawings)
 * never shares its ids with one drawn on this page, and a count.
 */
export function drawingId(pageLoad: string, count: number): string {
  return `mermaid-${pageLoad}-${count}`;
}

const DRAWING_ID = /mermaid-[a-z0-9]+-\d+/g;

/**
 * Markup with every drawing id blanked: the same drawings shown in another page load (other ids)
 * read the same, so what a section was fitted to is recognised across loads (sheet-layout/fit).
 */
export function withoutDrawingIds(markup: string): string {
  return markup.replace(DRAWING_ID, "mermaid-id");
}
