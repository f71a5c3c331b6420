"use client";

import { useLayoutEffect, useRef } from "react";

/**
 * A small diagram in a large cell is enlarged at most this much: beyond it, its text would tower
 * over the sheet's own (Mermaid draws text at 15 px, about the sheet's largest size).
 */
const MAX_UPSCALE = 1.25;

/** Mermaid's SVG, made to scale to its box (aspect kept) instead of keeping its own fixed size. */
function fitSvgToBox(container: HTMLElement) {
  const svg = container.querySelector("svg");
  if (!svg) return;
  if (!svg.getAttribute("viewBox")) {
    // A few types (e.g. info) draw without a viewBox: frame what was drawn.
    const drawn = svg.getBBox();
    svg.setAttribute("viewBox", `${drawn.x - 4} ${drawn.y - 4} ${drawn.width + 8} ${drawn.height + 8}`);
  }
  const { width, height } = svg.viewBox.baseVal;
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", "100%");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  svg.style.maxWidth = width > 0 ? `${width * MAX_UPSCALE}px` : "none";
  svg.style.maxHeight = height > 0 ? `${height * MAX_UPSCALE}px` : "none";
}

/** A rendered diagram, fitted to the box its parent gives it, with an accessible name. */
export function DiagramSvg({
  svg,
  name,
  className = "sheet-mermaid-svg",
}: {
  svg: string;
  name: string;
  className?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Before paint, so the SVG never shows at Mermaid's own size first.
  useLayoutEffect(() => {
    if (box.current) fitSvgToBox(box.current);
  }, [svg]);
  return <div ref={box} className={className} role="img" aria-label={name} dangerouslySetInnerHTML={{ __html: svg }} />;
}
