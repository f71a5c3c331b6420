/**
 * What the studio's insert palette writes: the sheet components with exactly the props of
 * lib/content/mdx/component-props.ts, a GFM table and Mermaid templates. Every one compiles with the
 * sheet compiler and Mermaid's parser (tests/studio/snippets.test.ts), so an insert never breaks a page.
 */

export interface SectionFields {
  id: string;
  icon: string;
  title: string;
}

/** A section id as the sheet schema accepts it (lib/content/schemas.ts). */
export const SECTION_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A `<Section>` with one bullet to replace; attribute quotes in the fields are dropped, not escaped (MDX has no escape). */
export function sectionBlock({ id, icon, title }: SectionFields): string {
  const clean = (text: string) => text.replace(/"/g, "").trim();
  return `<Section id="${clean(id)}" icon="${clean(icon)}" title="${clean(title)}">\n\n- …\n\n</Section>\n`;
}

/** The file with a block added at its end, after one blank line. */
export function appendBlock(source: string, block: string): string {
  return `${source.replace(/\s*$/, "")}\n\n${block}`;
}

function mermaid(code: string): string {
  return `\`\`\`mermaid\n${code}\n\`\`\`\n`;
}

export const SNIPPETS = {
  box: '<Box title="TITLE" icon="📦" color="yellow">\n\n- …\n\n</Box>\n',
  columns: '<Columns>\n\n<Box title="LEFT">\n\n- …\n\n</Box>\n\n<Box title="RIGHT">\n\n- …\n\n</Box>\n\n</Columns>\n',
  quote: '<Quote by="Andrej Karpathy">what was said</Quote>\n',
  highlight: '<Highlight color="yellow">the key phrase</Highlight>\n',
  term: '<Term en="term">한국어 설명</Term>\n',
  card: '<Card front="question" back="answer" />\n',
  table: "| Term | Meaning |\n|---|---|\n| … | … |\n| … | … |\n",
  mindmap: mermaid("mindmap\n  root((Topic))\n    First idea\n      Detail\n    Second idea"),
  flowchart: mermaid("flowchart LR\n  A[Input] --> B[Step] --> C[Output]"),
  sequence: mermaid(
    "sequenceDiagram\n  participant U as User\n  participant M as Model\n  U->>M: prompt\n  M-->>U: answer",
  ),
  timeline: mermaid("timeline\n  title Steps\n  First : what happens\n  Then : what follows"),
  pie: mermaid('pie title Share\n  "A" : 60\n  "B" : 40'),
  quadrant: mermaid(
    "quadrantChart\n  x-axis Low effort --> High effort\n  y-axis Low value --> High value\n  quadrant-1 Do first\n  quadrant-2 Plan\n  quadrant-3 Skip\n  quadrant-4 Delegate\n  Idea: [0.3, 0.7]",
  ),
  state: mermaid("stateDiagram-v2\n  [*] --> Draft\n  Draft --> Final\n  Final --> [*]"),
} as const;

export type SnippetId = keyof typeof SNIPPETS;
/** Everything the palette lists, in its order: Section (which asks for its fields) first. */
export const PALETTE_ITEMS: ("section" | SnippetId)[] = ["section", ...(Object.keys(SNIPPETS) as SnippetId[])];
