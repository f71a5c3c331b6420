/**
 * Cards as a tab-separated file Anki imports: front, back, tags. Anki reads `#separator` and
 * `#tags column` headers; tabs and newlines inside a field would break the row, so they become
 * spaces. Tags are `course::chapter` (Anki's hierarchical tags), e.g. `deep-dive-llms::08`.
 */
export interface AnkiCard {
  course: string;
  chapter: number;
  front: string;
  back: string;
}

function field(text: string): string {
  return text.replace(/[\t\r\n]+/g, " ").trim();
}

function ankiTag(course: string, chapter: number): string {
  return `${course}::${String(chapter).padStart(2, "0")}`;
}

export function ankiTsv(cards: AnkiCard[]): string {
  const header = ["#separator:tab", "#html:false", "#tags column:3"];
  const rows = cards.map((card) =>
    [field(card.front), field(card.back), ankiTag(card.course, card.chapter)].join("\t"),
  );
  return [...header, ...rows].join("\n") + "\n";
}
