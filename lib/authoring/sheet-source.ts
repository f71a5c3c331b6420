import { TITLE_SECTION_ID } from "@/lib/sheet-layout/layout";

/** One cell of a sheet being drafted: its <Section> and the MDX inside it. */
export interface DraftSection {
  id: string;
  icon: string;
  title: string;
  body: string;
}

/** A row: its height in percent and its cells' ids (`title` = the built-in banner). */
export interface DraftRow {
  height: number;
  sections: string[];
}

export interface SheetDraft {
  chapter: number;
  title: string;
  titleKr?: string;
  rows: DraftRow[];
  sections: DraftSection[];
  /**
   * Remarks for the author (what was trimmed, what matched no box). They go into the frontmatter as
   * YAML comments: the MDX body allows no content outside a <Section>, and comments there are code.
   */
  remarks?: string[];
}

const quoted = (text: string) => JSON.stringify(text);

function attribute(text: string): string {
  // Attribute values are JSX strings: a double quote cannot be escaped inside them.
  return quoted(text.replaceAll('"', "'"));
}

/** The sheet.mdx text of a draft: frontmatter with the layout, then one <Section> a cell in order. */
export function renderSheetSource(draft: SheetDraft): string {
  const frontmatter = [
    "---",
    `chapter: ${draft.chapter}`,
    `title: ${quoted(draft.title)}`,
    ...(draft.titleKr ? [`titleKr: ${quoted(draft.titleKr)}`] : []),
    "layout:",
    ...draft.rows.map((row) => `  - { height: ${row.height}, sections: [${row.sections.join(", ")}] }`),
    ...(draft.remarks ?? []).flatMap((remark) => remark.split("\n").map((line) => `# ${line}`.trimEnd())),
    "---",
  ];
  const order = draft.rows.flatMap((row) => row.sections).filter((id) => id !== TITLE_SECTION_ID);
  const byId = new Map(draft.sections.map((section) => [section.id, section]));
  const sections = order.flatMap((id) => {
    const section = byId.get(id);
    if (!section) return [];
    const body = section.body.trim() || "_(write this section)_";
    return [
      `<Section id="${id}" icon=${attribute(section.icon)} title=${attribute(section.title)}>\n\n${body}\n\n</Section>`,
    ];
  });
  return `${frontmatter.join("\n")}\n\n${sections.join("\n\n")}\n`;
}
