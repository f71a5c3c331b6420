"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type RefObject } from "react";
import { smallTextOf } from "@/lib/mermaid/drawing-check";
import { parseRelayoutId } from "@/lib/mermaid/relayout";
import { fitCounts, fitSummary, gaugeLabel, UNDER_FULL, type SectionGauge } from "@/lib/studio/fit-summary";

type Label = (gauge: SectionGauge) => string;

function readGauges(sheet: HTMLElement, label: Label): SectionGauge[] {
  return [...sheet.querySelectorAll<HTMLElement>("[data-section][data-fit-size]")].map((section) => {
    const warned = section.querySelector<HTMLElement>("[data-mermaid][data-diagram-warning]");
    const gauge: SectionGauge = {
      id: section.dataset.section ?? "",
      title: section.querySelector(".sheet-section-text")?.textContent ?? section.dataset.section ?? "",
      size: Number(section.dataset.fitSize),
      fill: Number(section.dataset.fill ?? 0),
      overflows: section.hasAttribute("data-overflow"),
      diagramWarning: (warned && smallTextOf(warned)) ?? undefined,
      diagramRelayouts: section.dataset.diagramRelayout?.split("\n"),
    };
    // The label drawn on the section itself (studio CSS shows it with attr()).
    section.dataset.gauge = label(gauge);
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
  const t = useTranslations("studio.fit");
  const tr = useTranslations("diagrams.relayout");
  const tDiagrams = useTranslations("diagrams");
  const [gauges, setGauges] = useState<SectionGauge[] | null>(null);
  const label: Label = useCallback(
    (gauge) => {
      const fit = gauge.overflows ? t("overflowsAt", { size: gauge.size }) : gaugeLabel(gauge);
      // Which layout its diagrams were drawn in to fit, when not the author's.
      const relayouts = (gauge.diagramRelayouts ?? []).flatMap((id) => {
        const relayout = parseRelayoutId(id);
        if (!relayout) return [];
        switch (relayout.kind) {
          case "direction":
            return [tr("direction", { direction: relayout.direction })];
          case "shapesPerRow":
            return [tr("shapesPerRow", { count: relayout.count })];
          case "bitsPerRow":
            return [tr("bitsPerRow", { count: relayout.count })];
          case "largerText":
            return [tr("largerText", { px: relayout.px })];
        }
      });
      return [fit, ...relayouts].join(" · ");
    },
    [t, tr],
  );

  useEffect(() => {
    const root = preview.current;
    if (!root) return;
    const update = () => {
      const sheet = root.querySelector<HTMLElement>("[data-sheet]");
      setGauges(sheet?.dataset.ready === "true" ? readGauges(sheet, label) : null);
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
    return () => observer.disconnect();
  }, [preview, label]);

  if (!gauges)
    return (
      <p className="studio-fit" data-fit-summary="pending">
        {t("waiting")}
      </p>
    );
  const counts = fitCounts(gauges);
  const parts = [
    counts.under > 0 ? t("under", { count: counts.under }) : null,
    counts.over > 0 ? t("over", { count: counts.over }) : null,
    counts.diagrams > 0 ? t("diagrams", { count: counts.diagrams }) : null,
  ].filter((part) => part !== null);
  const summary = parts.length > 0 ? parts.join(" · ") : t("allFit", { count: counts.total });
  const flagged = gauges.filter((g) => g.overflows || g.fill < UNDER_FULL || g.diagramWarning);
  return (
    <div className="studio-fit" data-fit-summary={fitSummary(gauges)}>
      <p className="studio-fit-summary" role="status">
        <strong>{t("heading")}:</strong> {summary}
      </p>
      {flagged.length > 0 ? (
        <ul className="studio-fit-list">
          {flagged.map((g) => (
            <li
              key={g.id}
              data-gauge-for={g.id}
              data-gauge-kind={g.overflows ? "overflow" : g.diagramWarning ? "diagram" : "under"}
            >
              <button type="button" className="studio-link" onClick={() => onPick(g.id)} translate="no">
                {g.title}
              </button>{" "}
              {label(g)}
              {g.diagramWarning ? (
                <>
                  {" · "}
                  <span translate="no">{g.diagramWarning.diagram}</span>:{" "}
                  {tDiagrams("smallText", { pt: g.diagramWarning.pt })}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
