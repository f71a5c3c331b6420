"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import { diagramNameOf, smallestTextPt, smallTextOf, smallTextWarning } from "@/lib/mermaid/drawing-check";
import { applyRememberedFits, fitSections, measureFill, type BodyContent } from "@/lib/sheet-layout/fit";
import { fitKey, keepFits, sectionFits } from "./kept-fits";

function diagramsSettled(sheet: HTMLElement): boolean {
  return [...sheet.querySelectorAll<HTMLElement>("[data-mermaid]")].every(
    (d) => d.dataset.state === "rendered" || d.dataset.state === "error",
  );
}

function waitForDiagrams(sheet: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    if (diagramsSettled(sheet)) return resolve();
    const observer = new MutationObserver(() => {
      if (diagramsSettled(sheet)) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(sheet, { subtree: true, attributes: true, attributeFilter: ["data-state"], childList: true });
  });
}

// What each section fitted to (sectionFits, kept across loads): the studio draws the page again
// after every pause in typing, and an edit changes one section, so the others keep their size.
function sectionCells(sheet: HTMLElement) {
  const sheetLabel = sheet.getAttribute("aria-label") ?? "";
  return [...sheet.querySelectorAll<HTMLElement>("[data-section]")].flatMap((section) => {
    const body = section.querySelector<HTMLElement>("[data-section-body]");
    return body ? [{ section, body, key: fitKey(sheetLabel, section.dataset.section ?? "") }] : [];
  });
}

function fitAllSections(sheet: HTMLElement, before?: Map<string, BodyContent>) {
  const cells = sectionCells(sheet);
  const fits = fitSections(cells, sectionFits, measureFill, before);
  keepFits();
  cells.forEach(({ section }, index) => {
    const fit = fits[index];
    if (!fit) return;
    section.dataset.fitSize = String(fit.size);
    section.dataset.fill = String(fit.fill);
    section.toggleAttribute("data-overflow", !fit.fits);
    const warning = section.querySelector<HTMLElement>(".sheet-fit-warning");
    if (warning) warning.hidden = fit.fits;
  });
}

/** A section's value of one figure attribute: its figures' values, one a line; none removes it. */
function gather(section: HTMLElement, attribute: "diagramWarning" | "diagramNotice" | "diagramRelayout") {
  const values = [...section.querySelectorAll<HTMLElement>("[data-mermaid]")].flatMap((figure) => {
    const value = figure.dataset[attribute];
    return value ? [value] : [];
  });
  if (values.length > 0) section.dataset[attribute] = values.join("\n");
  else delete section.dataset[attribute];
}

/**
 * After fitting, every drawn diagram's smallest text as printed: on the figure and its section as
 * data-diagram-min-text-pt, and under 6 pt a warning naming the diagram (data-diagram-warning, in
 * English for content:check --fit and the studio). The cell shows that warning in the interface
 * language (`say`) with the diagram's notices (data-diagram-notice: icons no pack has, fork/join
 * labels, shown as data-diagram-notice-shown); the section also gathers them, and the relayouts
 * used (data-diagram-relayout).
 */
function measureDiagrams(sheet: HTMLElement, say: (pt: number) => string) {
  const sheetWidth = sheet.getBoundingClientRect().width;
  for (const section of sheet.querySelectorAll<HTMLElement>("[data-section]")) {
    let sectionMin: number | null = null;
    for (const figure of section.querySelectorAll<HTMLElement>("[data-mermaid]")) {
      const svg =
        figure.dataset.state === "rendered" ? figure.querySelector<SVGSVGElement>(".sheet-mermaid-svg svg") : null;
      const pt = svg ? smallestTextPt(svg, sheetWidth) : null;
      const warning = smallTextWarning(diagramNameOf(figure), pt);
      if (pt === null) delete figure.dataset.diagramMinTextPt;
      else figure.dataset.diagramMinTextPt = String(pt);
      if (warning) figure.dataset.diagramWarning = warning;
      else delete figure.dataset.diagramWarning;
      const shown = figure.querySelector<HTMLElement>(".sheet-mermaid-warning");
      if (shown) {
        const small = smallTextOf(figure);
        const lines = [
          ...(figure.dataset.diagramNoticeShown?.split("\n") ?? []),
          ...(small ? [`${small.diagram}: ${say(small.pt)}`] : []),
        ];
        shown.textContent = lines.map((line) => `⚠ ${line}`).join("\n");
        shown.hidden = lines.length === 0;
      }
      if (pt !== null && (sectionMin === null || pt < sectionMin)) sectionMin = pt;
    }
    if (sectionMin === null) delete section.dataset.diagramMinTextPt;
    else section.dataset.diagramMinTextPt = String(sectionMin);
    gather(section, "diagramWarning");
    gather(section, "diagramNotice");
    gather(section, "diagramRelayout");
  }
}

/**
 * The A4 sheet element. Once the fonts are loaded and every diagram has rendered (or failed
 * visibly), it fits each section's text and sets data-ready="true" — print and PDF wait for that.
 */
export function SheetFrame({ rows, label, children }: { rows: string; label: string; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  const t = useTranslations("diagrams");
  // Started while the page is laid out: with the fonts in and the diagrams drawn (a studio preview
  // after the first), the sheet is fitted before it is first painted, never shown at the start size.
  useLayoutEffect(() => {
    const sheet = ref.current;
    if (!sheet) return;
    let cancelled = false;
    let settling = false;
    // Now, before a diagram measures its box (they do so a microtask later): the remembered sizes
    // of the sections without one. A diagram is drawn into the box its cell leaves at the start size
    // (as on a page just opened, and so in print), so its section gets its size when it is fitted.
    const withoutDiagrams = sectionCells(sheet).filter(({ body }) => !body.querySelector("[data-mermaid]"));
    let before: Map<string, BodyContent> | undefined = applyRememberedFits(withoutDiagrams, sectionFits);
    const settle = async () => {
      settling = true;
      sheet.dataset.ready = "false";
      await document.fonts.ready;
      await waitForDiagrams(sheet);
      if (cancelled) return;
      fitAllSections(sheet, before);
      before = undefined;
      measureDiagrams(sheet, (pt) => t("smallText", { pt }));
      sheet.dataset.ready = "true";
      settling = false;
    };
    void settle();
    // A diagram drawn again later (an edit, a reset) needs a new fit before the sheet is ready again.
    const observer = new MutationObserver(() => {
      if (!settling) void settle();
    });
    observer.observe(sheet, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [t]);
  return (
    <article
      ref={ref}
      className="sheet"
      data-sheet
      data-ready="false"
      aria-label={label}
      style={{ gridTemplateRows: rows }}
    >
      {children}
    </article>
  );
}
