/** What a Mermaid block is, read from its source without running Mermaid. */

const HEADER = /^\s*(?:%%.*\n\s*)*(?:---[\s\S]*?---\s*)?([A-Za-z][\w-]*)/;

/** "flowchart", "mindmap", "sequenceDiagram", … (the block's first keyword). */
export function diagramType(code: string): string {
  return HEADER.exec(code)?.[1] ?? "diagram";
}

const TYPE_NAMES: Record<string, string> = {
  flowchart: "Flowchart",
  graph: "Flowchart",
  "flowchart-elk": "Flowchart",
  "swimlane-beta": "Swimlane flowchart",
  mindmap: "Mind map",
  sequenceDiagram: "Sequence diagram",
  stateDiagram: "State diagram",
  "stateDiagram-v2": "State diagram",
  classDiagram: "Class diagram",
  "classDiagram-v2": "Class diagram",
  erDiagram: "Entity relationship diagram",
  requirementDiagram: "Requirement diagram",
  C4Context: "C4 context diagram",
  C4Container: "C4 container diagram",
  C4Component: "C4 component diagram",
  C4Dynamic: "C4 dynamic diagram",
  C4Deployment: "C4 deployment diagram",
  pie: "Pie chart",
  timeline: "Timeline",
  quadrantChart: "Quadrant chart",
  gantt: "Gantt chart",
  journey: "User journey",
  gitGraph: "Git graph",
  xychart: "XY chart",
  "xychart-beta": "XY chart",
  sankey: "Sankey diagram",
  "sankey-beta": "Sankey diagram",
  block: "Block diagram",
  "block-beta": "Block diagram",
  packet: "Packet diagram",
  "packet-beta": "Packet diagram",
  kanban: "Kanban board",
  "architecture-beta": "Architecture diagram",
  "radar-beta": "Radar chart",
  treemap: "Treemap",
  "treemap-beta": "Treemap",
  "treeView-beta": "Tree view",
  "ishikawa-beta": "Ishikawa (fishbone) diagram",
  ishikawa: "Ishikawa (fishbone) diagram",
  "venn-beta": "Venn diagram",
  "wardley-beta": "Wardley map",
  "cynefin-beta": "Cynefin framework",
  "railroad-beta": "Railroad diagram",
  "railroad-ebnf-beta": "Railroad diagram",
  "railroad-abnf-beta": "Railroad diagram",
  "railroad-peg-beta": "Railroad diagram",
  eventmodeling: "Event model",
  info: "Mermaid info",
};

function titleOf(code: string): string | undefined {
  const title =
    /^\s*(?:title|accTitle:?)\s+(.+)$/m.exec(code)?.[1] ??
    /^\s*title:\s*(.+)$/m.exec(code)?.[1] ??
    // "pie title Tokens by source": the title on the type's own line.
    /^\s*[A-Za-z][\w-]*\s+title\s+(.+)$/m.exec(code)?.[1];
  return title?.trim().replace(/^"(.*)"$/, "$1");
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
