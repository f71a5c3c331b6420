"use client";

import { useLayoutEffect, useRef } from "react";
import { fitSvgToBox, type SvgFrame } from "@/lib/mermaid/fit-svg";

/**
 * A rendered diagram, fitted to the box its parent gives it, with an accessible name. `frame`, when
 * known (measured as the drawing was made), is used as it is instead of being measured again.
 */
export function DiagramSvg({
  svg,
  name,
  frame,
  className = "sheet-mermaid-svg",
}: {
  svg: string;
  name: string;
  frame?: SvgFrame;
  className?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Before paint, so the SVG never shows at Mermaid's own size first.
  useLayoutEffect(() => {
    if (box.current) fitSvgToBox(box.current, frame);
  }, [svg, frame]);
  return <div ref={box} className={className} role="img" aria-label={name} dangerouslySetInnerHTML={{ __html: svg }} />;
}
