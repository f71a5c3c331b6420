import type { SmallText } from "@/lib/mermaid/drawing-check";

/** What the studio's gauges read from one fitted section of the preview. */
export interface SectionGauge {
  id: string;
  title: string;
  /** The text size it was fitted to, in pt. */
  size: number;
  /** How full it is at that size, 0–1. */
  fill: number;
  overflows: boolean;
  /** A diagram in it would need text under the 6 pt floor (set by the diagram renderer). */
  diagramWarning?: SmallText;
  /** The relayouts its diagrams were drawn in to fit (ids, see lib/mermaid/relayout). */
  diagramRelayouts?: string[];
}

/** Under this fill a section wastes its room: give it less height or width, or more to say. */
export const UNDER_FULL = 0.5;

/** How many sections are under half full, overflow, or hold a diagram with too small text. */
export function fitCounts(gauges: SectionGauge[]): { under: number; over: number; diagrams: number; total: number } {
  return {
    under: gauges.filter((g) => !g.overflows && g.fill < UNDER_FULL).length,
    over: gauges.filter((g) => g.overflows).length,
    diagrams: gauges.filter((g) => g.diagramWarning).length,
    total: gauges.length,
  };
}

/** "2 sections under half full · 1 overflows", or a line saying all is well (English: the page's marker). */
export function fitSummary(gauges: SectionGauge[]): string {
  const { under, over, diagrams } = fitCounts(gauges);
  const parts = [
    under > 0 ? `${under} ${under === 1 ? "section" : "sections"} under half full` : null,
    over > 0 ? `${over} ${over === 1 ? "overflows" : "overflow"}` : null,
    diagrams > 0 ? `${diagrams} ${diagrams === 1 ? "diagram needs" : "diagrams need"} text under 6 pt` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(" · ") : `All ${gauges.length} sections fit, none under half full`;
}

/** "9.5 pt · 62%", the label on a section in the preview. */
export function gaugeLabel(gauge: Pick<SectionGauge, "size" | "fill" | "overflows">): string {
  return gauge.overflows ? `overflows at ${gauge.size} pt` : `${gauge.size} pt · ${Math.round(gauge.fill * 100)}%`;
}
