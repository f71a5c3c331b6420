"use client";

import { useLayoutEffect, useRef } from "react";
import { fitSvgToBox } from "@/lib/mermaid/fit-svg";

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
