import { PDFHexString, PDFName, type PDFDict, type PDFDocument, type PDFRef } from "pdf-lib";

/** A bookmark: a title and the (0-based) page it opens, with bookmarks nested under it. */
export interface OutlineEntry {
  title: string;
  pageIndex: number;
  children?: OutlineEntry[];
}

/**
 * Gives `doc` these bookmarks (the PDF "document outline") and asks viewers to show them on
 * opening. pdf-lib has no high-level outline API, so the outline dictionaries (PDF 1.7 §12.3.3) are
 * built from its object model: every item points to its parent and siblings, and opens its page
 * fitted to the window.
 */
export function setOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  const { context } = doc;
  const pageRefs = doc.getPages().map((page) => page.ref);

  /** Writes `items` as the children of `parent`; answers the first and last item and the visible count. */
  const addItems = (parent: PDFRef, items: readonly OutlineEntry[]): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    const [first, last] = [refs[0], refs.at(-1)];
    if (!first || !last) throw new RangeError("an outline level needs at least one bookmark");
    let count = items.length;
    items.forEach((item, index) => {
      const ref = refs[index] ?? first;
      const previous = refs[index - 1];
      const next = refs[index + 1];
      const page = pageRefs[item.pageIndex];
      if (!page)
        throw new RangeError(`bookmark "${item.title}" points to page ${item.pageIndex + 1} of ${pageRefs.length}`);
      const dict: PDFDict = context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [page, "Fit"],
      });
      if (previous) dict.set(PDFName.of("Prev"), previous);
      if (next) dict.set(PDFName.of("Next"), next);
      if (item.children && item.children.length > 0) {
        const children = addItems(ref, item.children);
        dict.set(PDFName.of("First"), children.first);
        dict.set(PDFName.of("Last"), children.last);
        dict.set(PDFName.of("Count"), context.obj(children.count));
        count += children.count;
      }
      context.assign(ref, dict);
    });
    return { first, last, count };
  };

  if (entries.length === 0) return;
  const root = context.nextRef();
  const { first, last, count } = addItems(root, entries);
  context.assign(root, context.obj({ Type: "Outlines", First: first, Last: last, Count: count }));
  doc.catalog.set(PDFName.of("Outlines"), root);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
