/**
 * How a drawn diagram is fitted into its cell, in the browser: the SVG scales to the box (aspect
 * kept), its frame grows to take in whatever Mermaid drew past its own viewBox (a note's last
 * words, a label wider than its block), and the same fitting predicts, before a drawing is shown,
 * how large its text will print (so a better layout can be chosen, see relayout.ts).
 */
import { z } from "zod";
import type { DiagramBox } from "./config";
import { smallestTextPt } from "./drawing-check";
import { A4_PX } from "@/lib/sheet-layout/geometry";

/**
 * A small diagram in a large cell is enlarged at most this much: beyond it, its text would tower
 * over the sheet's own (Mermaid draws text at 15 px, about the sheet's largest size).
 */
const MAX_UPSCALE = 1.25;

/** Room around the drawn ink, in the diagram's units: strokes and hand-drawn wobble reach past a box. */
const INK_MARGIN = 4;

interface Frame {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where the diagram's text is, in the SVG's own units. Text is what Mermaid lets run past its
 * frame (a note's last words); shapes outside it (a gantt's full-width rows) are left out on purpose.
 */
function textFrame(svg: SVGSVGElement): Frame | null {
  const toRoot = svg.getScreenCTM()?.inverse();
  if (!toRoot) return null;
  const frame: Frame = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const text of svg.querySelectorAll<SVGGraphicsElement>("text, foreignObject")) {
    if ((text.textContent ?? "").trim() === "") continue;
    // The painted box (glyphs of a handwriting font reach past their advance), back in SVG units.
    const box = text.getBoundingClientRect();
    if (box.width <= 0) continue;
    const corners = [
      new DOMPoint(box.left, box.top),
      new DOMPoint(box.right, box.top),
      new DOMPoint(box.left, box.bottom),
      new DOMPoint(box.right, box.bottom),
    ].map((corner) => corner.matrixTransform(toRoot));
    const xs = corners.map((corner) => corner.x);
    const ys = corners.map((corner) => corner.y);
    frame.left = Math.min(frame.left, ...xs);
    frame.top = Math.min(frame.top, ...ys);
    frame.right = Math.max(frame.right, ...xs);
    frame.bottom = Math.max(frame.bottom, ...ys);
  }
  return Number.isFinite(frame.left) ? frame : null;
}

/** A drawing's viewBox, in its own units (a schema too: a kept drawing's frame is read back from storage). */
export const svgFrameSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export type SvgFrame = z.infer<typeof svgFrameSchema>;

/** The viewBox that holds both Mermaid's own frame and all the text actually drawn. */
function frameAround(svg: SVGSVGElement): SvgFrame {
  const own = svg.getAttribute("viewBox") ? svg.viewBox.baseVal : null;
  if (!own || own.width <= 0 || own.height <= 0) {
    // A few types (e.g. info) draw without a viewBox: frame what was drawn.
    const drawn = svg.getBBox();
    return {
      x: drawn.x - INK_MARGIN,
      y: drawn.y - INK_MARGIN,
      width: drawn.width + 2 * INK_MARGIN,
      height: drawn.height + 2 * INK_MARGIN,
    };
  }
  const text = textFrame(svg);
  if (!text) return own;
  const left = Math.min(own.x, text.left - INK_MARGIN);
  const top = Math.min(own.y, text.top - INK_MARGIN);
  const right = Math.max(own.x + own.width, text.right + INK_MARGIN);
  const bottom = Math.max(own.y + own.height, text.bottom + INK_MARGIN);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Mermaid's SVG (the first in `container`), made to scale to its box instead of keeping its own
 * fixed size; answers the frame it was given. The frame is in the drawing's own units, so it does
 * not depend on the box: a `known` frame (measured when the drawing was first shown) spares the
 * measuring, which lays out the whole page once a drawing (getScreenCTM).
 */
export function fitSvgToBox(container: HTMLElement, known?: SvgFrame): SvgFrame | undefined {
  const svg = container.querySelector("svg");
  if (!svg) return undefined;
  const frame = known ?? frameAround(svg);
  const { x, y, width, height } = frame;
  svg.setAttribute("viewBox", `${x} ${y} ${width} ${height}`);
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", "100%");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  // Nothing drawn may leave the frame (and so the cell).
  svg.style.overflow = "hidden";
  svg.style.maxWidth = width > 0 ? `${width * MAX_UPSCALE}px` : "none";
  svg.style.maxHeight = height > 0 ? `${height * MAX_UPSCALE}px` : "none";
  return frame;
}

/** How a drawing would sit in a box: its smallest text as printed, the share of the box it fills, and whether it is at its largest. */
export interface PredictedFit {
  pt: number | null;
  fill: number;
  atMaxScale: boolean;
  /** Two labels drawn over each other (e.g. a packet's one-bit fields): unreadable at any size. */
  overlaps: boolean;
  /** The frame the drawing was given (none: it has no <svg>), the same in any box. */
  frame?: SvgFrame;
}

/** Labels overlap when they share more than this part of the smaller one… */
const OVERLAP_SHARE = 0.02;
/** …once each is widened by this part of its height on either side: labels with no gap run together. */
const LABEL_GAP = 0.15;

function labelsOverlap(svg: SVGSVGElement): boolean {
  const boxes = [...svg.querySelectorAll("text, foreignObject")]
    .filter((text) => (text.textContent ?? "").trim() !== "")
    .map((text) => text.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0)
    .map(
      (box) => new DOMRect(box.x - LABEL_GAP * box.height, box.y, box.width + 2 * LABEL_GAP * box.height, box.height),
    );
  return boxes.some((a, i) =>
    boxes.slice(i + 1).some((b) => {
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      const smaller = Math.min(a.width * a.height, b.width * b.height);
      return width > 0 && height > 0 && width * height > OVERLAP_SHARE * smaller;
    }),
  );
}

/**
 * Fits the drawing into an unseen box of the cell's size and measures it there. The box is in the
 * sheet's own pixels (an A4 page is A4_PX wide), so the text comes out as it will be printed.
 */
export function predictFit(svgMarkup: string, box: DiagramBox): PredictedFit {
  const probe = document.createElement("div");
  probe.setAttribute("aria-hidden", "true");
  probe.style.cssText = `position:fixed;left:-20000px;top:0;width:${box.width}px;height:${box.height}px;visibility:hidden;display:flex;contain:strict`;
  probe.innerHTML = svgMarkup;
  document.body.append(probe);
  try {
    const frame = fitSvgToBox(probe);
    const svg = probe.querySelector("svg");
    if (!svg || !frame) return { pt: null, fill: 0, atMaxScale: false, overlaps: false };
    const { width, height } = svg.viewBox.baseVal;
    const scale = width > 0 && height > 0 ? Math.min(box.width / width, box.height / height, MAX_UPSCALE) : 0;
    return {
      pt: smallestTextPt(svg, A4_PX.width),
      fill: (width * scale * height * scale) / (box.width * box.height),
      atMaxScale: scale >= MAX_UPSCALE,
      overlaps: labelsOverlap(svg),
      frame,
    };
  } finally {
    probe.remove();
  }
}
