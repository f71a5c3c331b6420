/**
 * What is wrong with a diagram Mermaid says it drew: invalid coordinates (NaN), or nothing visible
 * at all. Mermaid sometimes "succeeds" with such a drawing (a gantt's today-marker at NaN, a type
 * that parsed but laid nothing out); those are errors, never a blank cell marked rendered.
 */

/** The elements that put ink on the page. */
const INK = "text, foreignObject, path, rect, circle, ellipse, polygon, polyline, line, image, use";

function hasNaN(element: Element): boolean {
  return [...element.attributes].some((attr) => /\bNaN\b/.test(attr.value));
}

/**
 * Fixes what can be fixed in place (the gantt's today-marker, a decoration drawn at NaN when the
 * axis uses tickInterval/weekday, is removed) and returns the problem that remains, if any.
 */
export function drawingProblem(svg: Element): string | null {
  for (const marker of svg.querySelectorAll(".today")) if (hasNaN(marker)) marker.remove();
  const broken = [...svg.querySelectorAll("*")].filter(hasNaN);
  const [first] = broken;
  if (first) {
    return `the diagram was drawn with invalid coordinates (NaN in <${first.tagName.toLowerCase()}>, ${broken.length} element(s)): check its dates, numbers and options`;
  }
  const visible = [...svg.querySelectorAll(INK)].some(
    (element) => element.tagName.toLowerCase() !== "text" || (element.textContent ?? "").trim() !== "",
  );
  const words = (svg.textContent ?? "").replace(/\s+/g, "");
  if (!visible && words === "") return "the diagram came out blank: Mermaid drew no text and no shapes";
  return null;
}

const ACTIVE_ELEMENTS = new Set(["script", "iframe", "object", "embed", "frame", "frameset", "base", "meta", "link"]);

/**
 * Something in a drawing that could run or load: an element that runs script or fetches, an event
 * handler, a javascript: address. Mermaid's own output has none (its strict security level cleans
 * every label); a drawing read back from the browser's store (components/mermaid/stored-drawings)
 * is checked again, since that store is outside what Mermaid cleaned. Null when there is none.
 */
export function activeContent(svg: Element): string | null {
  for (const element of [svg, ...svg.querySelectorAll("*")]) {
    const tag = element.tagName.toLowerCase();
    if (ACTIVE_ELEMENTS.has(tag)) return `<${tag}>`;
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) return `${attribute.name} on <${tag}>`;
      // Browsers skip spaces and control characters inside a scheme ("java\tscript:"), so does this.
      if (/^(javascript|vbscript):|^data:text\/html/i.test(attribute.value.replace(/[\u0000-\u0020]/g, "")))
        return `${attribute.name}="${attribute.value.slice(0, 40)}" on <${tag}>`;
    }
  }
  return null;
}

/** The printed size of the A4 sheet's width, in points (210 mm). */
const SHEET_WIDTH_PT = 595.28;
/** Diagram text smaller than this on paper is hard to read: the section warns. */
export const DIAGRAM_MIN_TEXT_PT = 6;

/**
 * The smallest text of a drawn diagram as it will be printed, in points: each text's font size
 * times everything that scales it on screen (its transforms, the fitting of the SVG into its cell,
 * the viewer's zoom), over the sheet's own on-screen scale. null when the diagram has no text.
 */
export function smallestTextPt(svg: SVGSVGElement, sheetScreenWidth: number): number | null {
  if (sheetScreenWidth <= 0) return null;
  const pxPerPt = sheetScreenWidth / SHEET_WIDTH_PT;
  let smallest: number | null = null;
  for (const element of svg.querySelectorAll<SVGGraphicsElement | HTMLElement>(
    "text, foreignObject span, foreignObject div, foreignObject p",
  )) {
    // Leaves only: an HTML label's text is measured on the innermost element that holds it.
    const container = element.tagName.toLowerCase() !== "text" && element.children.length > 0;
    if ((element.textContent ?? "").trim() === "" || container) continue;
    const owner = element instanceof SVGGraphicsElement ? element : element.closest("foreignObject");
    if (!owner || !(owner instanceof SVGGraphicsElement)) continue;
    const ctm = owner.getScreenCTM();
    const fontPx = parseFloat(getComputedStyle(element).fontSize);
    if (!ctm || !Number.isFinite(fontPx) || fontPx <= 0) continue;
    const pt = (fontPx * Math.hypot(ctm.a, ctm.b)) / pxPerPt;
    if (smallest === null || pt < smallest) smallest = pt;
  }
  return smallest === null ? null : Math.round(smallest * 10) / 10;
}

/** The name a diagram's warnings give it: its drawing's accessible title, else its key. */
export function diagramNameOf(figure: HTMLElement): string {
  return figure.querySelector(".sheet-mermaid-svg")?.getAttribute("aria-label") ?? figure.dataset.mermaid ?? "diagram";
}

/** Which diagram prints its text too small, and at what size: what the interface words in its language. */
export interface SmallText {
  diagram: string;
  pt: number;
}

/** A measured figure's small-text warning (data-diagram-warning, data-diagram-min-text-pt), or null. */
export function smallTextOf(figure: HTMLElement): SmallText | null {
  const pt = Number(figure.dataset.diagramMinTextPt);
  return figure.dataset.diagramWarning && Number.isFinite(pt) ? { diagram: diagramNameOf(figure), pt } : null;
}

/** The English warning (data-diagram-warning, read by content:check --fit) for a diagram whose text is too small on paper, or null. */
export function smallTextWarning(diagramName: string, pt: number | null): string | null {
  if (pt === null || pt >= DIAGRAM_MIN_TEXT_PT) return null;
  return `${diagramName}: text ${pt} pt: give this section more room or split the diagram`;
}
