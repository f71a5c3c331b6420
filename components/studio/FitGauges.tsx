"use client";

import { useEffect, useState, type RefObject } from "react";
import { fitSummary, gaugeLabel, UNDER_FULL, type SectionGauge } from "@/lib/studio/fit-summary";

const LABELS = { heading: "Fit", waiting: "Fitting…", overflows: "overflows at 7 pt" } as const;

function readGauges(sheet: HTMLElement): SectionGauge[] {
  return [...sheet.querySelectorAll<HTMLElement>("[data-section][data-fit-size]")].map((section) => {
    const warning = section.querySelector<HTMLElement>("[data-diagram-warning]")?.dataset.diagramWarning;
    const gauge: SectionGauge = {
      id: section.dataset.section ?? "",
      title: section.querySelector(".sheet-section-text")?.textContent ?? section.dataset.section ?? "",
      size: Number(section.dataset.fitSize),
      fill: Number(section.dataset.fill ?? 0),
      overflows: section.hasAttribute("data-overflow"),
      diagramWarning: warning || undefined,
    };
    // The label drawn on the section itself (studio CSS shows it with attr()).
    section.dataset.gauge = gaugeLabel(gauge);
    section.toggleAttribute("data-under-full", !gauge.overflows && gauge.fill < UNDER_FULL);
    return gauge;
  });
}

/**
 * The fit gauges: once the preview sheet is ready, each section shows its fitted size and fill,
 * and a summary line counts the sections under half full and those that overflow at the floor.
 */
export function FitGauges({
  preview,
  onPick,
}: {
  preview: RefObject<HTMLElement | null>;
  onPick: (id: string) => void;
}) {
  const [gauges, setGauges] = useState<SectionGauge[] | null>(null);

  useEffect(() => {
    const root = preview.current;
    if (!root) return;
    const update = () => {
      const sheet = root.querySelector<HTMLElement>("[data-sheet]");
      setGauges(sheet?.dataset.ready === "true" ? readGauges(sheet) : null);
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
    return () => observer.disconnect();
  }, [preview]);

  if (!gauges)
    return (
      <p className="studio-fit" data-fit-summary="pending">
        {LABELS.waiting}
      </p>
    );
  const flagged = gauges.filter((g) => g.overflows || g.fill < UNDER_FULL || g.diagramWarning);
  return (
    <div className="studio-fit" data-fit-summary={fitSummary(gauges)}>
      <p className="studio-fit-summary" role="status">
        <strong>{LABELS.heading}:</strong> {fitSummary(gauges)}
      </p>
      {flagged.length > 0 ? (
        <ul className="studio-fit-list">
          {flagged.map((g) => (
            <li
              key={g.id}
              data-gauge-for={g.id}
              data-gauge-kind={g.overflows ? "overflow" : g.diagramWarning ? "diagram" : "under"}
            >
              <button type="button" className="studio-link" onClick={() => onPick(g.id)}>
                {g.title}
              </button>{" "}
              {g.overflows ? LABELS.overflows : gaugeLabel(g)}
              {g.diagramWarning ? ` · ${g.diagramWarning}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
