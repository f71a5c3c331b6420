"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { diagramNameOf, smallestTextPt, smallTextOf, smallTextWarning } from "@/lib/mermaid/drawing-check";
import { fitSection, measureFill } from "@/lib/sheet-layout/fit";

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

/**
 * The size each section of each sheet fitted at last in this document: the studio draws the page
 * again after every pause in typing, and an edit seldom changes the size, so the search starts there.
 */
const lastFitSizes = new Map<string, number>();

function fitAllSections(sheet: HTMLElement) {
  const sheetLabel = sheet.getAttribute("aria-label") ?? "";
  for (const section of sheet.querySelectorAll<HTMLElement>("[data-section]")) {
    const body = section.querySelector<HTMLElement>("[data-section-body]");
    if (!body) continue;
    const key = `${sheetLabel}\n${section.dataset.section ?? ""}`;
    const { size, fits } = fitSection(body, lastFitSizes.get(key));
    lastFitSizes.set(key, size);
    section.dataset.fitSize = String(size);
    section.dataset.fill = String(measureFill(body));
    section.toggleAttribute("data-overflow", !fits);
    const warning = section.querySelector<HTMLElement>(".sheet-fit-warning");
    if (warning) warning.hidden = fits;
  }
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
  useEffect(() => {
    const sheet = ref.current;
    if (!sheet) return;
    let cancelled = false;
    let settling = false;
    const settle = async () => {
      settling = true;
      sheet.dataset.ready = "false";
      await document.fonts.ready;
      await waitForDiagrams(sheet);
      if (cancelled) return;
      fitAllSections(sheet);
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
