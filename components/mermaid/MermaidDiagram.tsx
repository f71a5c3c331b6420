"use client";

import { useEffect, useRef, useState } from "react";
import { accessibleName } from "@/lib/mermaid/describe";
import { renderMermaid, type RenderResult } from "./render-queue";

/** Make Mermaid's SVG scale to its box (aspect kept) instead of its own fixed size. */
function fitSvgToBox(container: HTMLElement) {
  const svg = container.querySelector("svg");
  if (!svg) return;
  svg.removeAttribute("height");
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", "100%");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  svg.style.maxWidth = "none";
}

/**
 * A live Mermaid diagram. The box keeps its space while the diagram renders (no layout jump),
 * and `data-state` tells the sheet (and print) when it is done.
 */
export function MermaidDiagram({ code, diagramKey, line }: { code: string; diagramKey: string; line: string }) {
  const [result, setResult] = useState<RenderResult | null>(null);
  const svgBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    renderMermaid(code).then((rendered) => {
      if (!cancelled) setResult(rendered);
    });
    return () => {
      cancelled = true;
    };
  }, [code]);

  useEffect(() => {
    if (result?.ok && svgBox.current) fitSvgToBox(svgBox.current);
  }, [result]);

  const state = result === null ? undefined : result.ok ? "rendered" : "error";
  const name = accessibleName(code);
  return (
    <figure className="sheet-mermaid" data-mermaid={diagramKey} data-state={state} data-source-line={line} role="img" aria-label={name} aria-busy={result === null}>
      {result === null ? <div className="sheet-mermaid-loading">drawing…</div> : null}
      {result?.ok ? <div ref={svgBox} className="sheet-mermaid-svg" dangerouslySetInnerHTML={{ __html: result.svg }} /> : null}
      {result && !result.ok ? (
        <div className="sheet-mermaid-error" role="alert">
          <strong>Diagram error{result.line ? ` (line ${result.line} of the diagram, sheet line ${Number(line) + result.line})` : ` (diagram at sheet line ${line})`}</strong>
          <pre>{result.message}</pre>
        </div>
      ) : null}
      <details className="sheet-mermaid-source">
        <summary aria-label={`Show the source of: ${name}`}>{"</>"}</summary>
        <pre>{code}</pre>
      </details>
    </figure>
  );
}
