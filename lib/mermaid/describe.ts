/** What a Mermaid block is, read from its source without running Mermaid. */

const HEADER = /^\s*(?:%%.*\n\s*)*(?:---[\s\S]*?---\s*)?([A-Za-z][\w-]*)/;

/** "flowchart", "mindmap", "sequenceDiagram", … (the block's first keyword). */
export function diagramType(code: string): string {
  return HEADER.exec(code)?.[1] ?? "diagram";
}

const TYPE_NAMES: Record<string, string> = {
  flowchart: "Flowchart",
  graph: "Flowchart",
  mindmap: "Mind map",
  sequenceDiagram: "Sequence diagram",
  stateDiagram: "State diagram",
  "stateDiagram-v2": "State diagram",
  classDiagram: "Class diagram",
  pie: "Pie chart",
  timeline: "Timeline",
  quadrantChart: "Quadrant chart",
  erDiagram: "Entity relationship diagram",
  gantt: "Gantt chart",
  journey: "User journey",
  gitGraph: "Git graph",
  xychart: "XY chart",
  "xychart-beta": "XY chart",
  sankey: "Sankey diagram",
  "sankey-beta": "Sankey diagram",
};

function titleOf(code: string): string | undefined {
  return /^\s*(?:title|accTitle:?)\s+(.+)$/m.exec(code)?.[1]?.trim() ?? /^\s*title:\s*(.+)$/m.exec(code)?.[1]?.trim();
}

/** Visible labels in the first lines: text in [..], (..), {..}, ".." or bare mind-map nodes. */
function firstLabels(code: string, count: number): string[] {
  const labels: string[] = [];
  for (const line of code.split("\n").slice(1)) {
    const bracketed = line.match(/[[({"]+([^\])}"]+)[\])}"]+/g);
    const found = bracketed
      ? bracketed.map((b) => b.replace(/^[[({"]+|[\])}"]+$/g, ""))
      : /^\s+([^%:\s][^:]*)$/.test(line)
        ? [line.trim()]
        : [];
    for (const label of found) {
      const clean = label.replace(/<br\s*\/?>/gi, " ").trim();
      if (clean && !labels.includes(clean)) labels.push(clean);
      if (labels.length >= count) return labels;
    }
  }
  return labels;
}

/** An accessible name: the diagram's title, or its type and its first nodes. */
export function accessibleName(code: string): string {
  const kind = TYPE_NAMES[diagramType(code)] ?? "Diagram";
  const title = titleOf(code);
  if (title) return `${kind}: ${title}`;
  const labels = firstLabels(code, 3);
  return labels.length > 0 ? `${kind}: ${labels.join(", ")}…` : kind;
}
