/** The text a chapter's first sheet starts from: a title row and two sections to rename. */
export function newSheetTemplate(chapter: number, title: string, titleKr?: string): string {
  return [
    "---",
    `chapter: ${chapter}`,
    `title: ${JSON.stringify(title)}`,
    ...(titleKr ? [`titleKr: ${JSON.stringify(titleKr)}`] : []),
    "layout:",
    "  - { height: 12, sections: [title] }",
    "  - { height: 88, sections: [first-idea, second-idea] }",
    "---",
    "",
    '<Section id="first-idea" icon="💡" title="FIRST IDEA">',
    "",
    "- what the chapter says first",
    "",
    "</Section>",
    "",
    '<Section id="second-idea" icon="🧭" title="SECOND IDEA">',
    "",
    "- and then",
    "",
    "</Section>",
    "",
  ].join("\n");
}

/** The text a chapter's first source page starts from: its title, a summary and a transcript to paste. */
export function newSourceTemplate(title: string): string {
  return [
    "---",
    `title: ${JSON.stringify(title)}`,
    "---",
    "",
    "## Summary",
    "",
    "- …",
    "",
    "## Transcript",
    "",
    "[00:00] …",
    "",
  ].join("\n");
}
