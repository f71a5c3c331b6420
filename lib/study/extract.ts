/**
 * Recall cards from a sheet's markdown tree, without evaluating it: a pure function over the
 * mdast the remark stage produces (lib/content/mdx), so it works whether the sheet is rendered
 * from compiled code or from the tree itself.
 *
 * Kinds: a <Term en> gives two cards (English → explanation, explanation → English); a
 * <Highlight> gives a cloze of its words inside its sentence; a table's body rows give
 * "row head · column head → cell"; an explicit <Card front back> adds one. Each card's id comes
 * from its section, kind and normalised text, so reordering a sheet keeps a card's history.
 */
import { createHash } from "node:crypto";
import type { Nodes, Root, Table, TableCell } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { visitParents } from "unist-util-visit-parents";
import type { CardKind } from "./card-kinds";

export interface ExtractedCard {
  id: string;
  section: string;
  kind: CardKind;
  front: string;
  back: string;
  /** Order on the sheet: sections as the tree holds them, then reading order inside each. */
  position: number;
}

/**
 * A card and the node that shows its answer on the sheet (masked in study mode and /review). A
 * reverse term card's answer is its Term's English word: the same node as the term card's.
 */
export interface CardTarget {
  card: ExtractedCard;
  node: MdxJsxFlowElement | MdxJsxTextElement | TableCell;
}

/** The blank a cloze shows in place of its words. */
export const CLOZE_BLANK = "[…]";

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function isJsx(node: { type: string }): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function stringAttribute(element: JsxElement, name: string): string | undefined {
  const found = element.attributes.find((a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name);
  return typeof found?.value === "string" ? found.value : undefined;
}

/** Same words, same card: case, width variants (NFKC) and spacing do not make a new card. */
export function normaliseCardText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** `scope` names the sheet ("<course>/<chapter>"): two sheets may both have a "takeaways" section. */
export function cardId(scope: string, section: string, kind: CardKind, front: string, back: string): string {
  const key = [scope, section, kind, normaliseCardText(front), normaliseCardText(back)].join("\u0000");
  return createHash("sha256").update(key).digest("hex").slice(0, 20);
}

/** The text of `node` with `target` replaced by the cloze blank. */
function textWithBlank(node: Nodes, target: Nodes): string {
  if (node === target) return CLOZE_BLANK;
  if ("value" in node && typeof node.value === "string" && (node.type === "text" || node.type === "inlineCode"))
    return node.value;
  if (node.type === "break") return " ";
  if (isJsx(node) && node.name === "Term") {
    const en = stringAttribute(node, "en") ?? "";
    return `${en} (${node.children.map((c) => textWithBlank(c, target)).join("")})`;
  }
  if ("children" in node) return node.children.map((c) => textWithBlank(c as Nodes, target)).join("");
  return "";
}

/** The sentence a highlight stands in: its paragraph, table cell or heading. */
const CONTEXTS = new Set(["paragraph", "tableCell", "heading"]);

function tableCards(table: Table): { front: string; back: string; cell: TableCell }[] {
  const [head, ...body] = table.children;
  if (!head || head.children.length < 2) return [];
  const headers = head.children.map((cell) => tidy(toString(cell)));
  // A leading "#" or empty column only numbers the rows: the next column names them.
  const labelColumn = headers.findIndex((h) => h !== "" && h !== "#");
  if (labelColumn < 0 || labelColumn === headers.length - 1) return [];
  const cards: { front: string; back: string; cell: TableCell }[] = [];
  for (const row of body) {
    const label = tidy(toString(row.children[labelColumn] ?? { type: "text", value: "" }));
    if (!label) continue;
    row.children.forEach((cell, column) => {
      if (column <= labelColumn || !headers[column]) return;
      const back = tidy(toString(cell));
      // A cell holding a highlight is already a cloze; one mask a place is enough.
      const hasHighlight = cell.children.some((c) => isJsx(c) && c.name === "Highlight");
      if (back && !hasHighlight) cards.push({ front: `${label} · ${headers[column]}`, back, cell });
    });
  }
  return cards;
}

/**
 * Every card of a sheet, with the node that shows its answer. Sections are the tree's <Section>
 * elements wherever they stand (top level before the grid plugin, inside rows after it).
 */
export function extractCardTargets(tree: Root, scope: string): CardTarget[] {
  const targets: CardTarget[] = [];
  const seen = new Set<string>();
  const add = (section: string, kind: CardKind, front: string, back: string, node: CardTarget["node"]) => {
    if (!front || !back) return;
    const id = cardId(scope, section, kind, front, back);
    if (seen.has(id)) return; // the same words twice in a section are one card
    seen.add(id);
    targets.push({ card: { id, section, kind, front, back, position: targets.length }, node });
  };

  visitParents(tree, (node, ancestors) => {
    const sectionNode = [...ancestors].reverse().find((a): a is JsxElement => isJsx(a) && a.name === "Section");
    const section = sectionNode ? stringAttribute(sectionNode, "id") : undefined;
    if (!section) return;
    if (node.type === "table") {
      for (const { front, back, cell } of tableCards(node)) add(section, "table", front, back, cell);
      return;
    }
    if (!isJsx(node)) return;
    if (node.name === "Term") {
      const en = tidy(stringAttribute(node, "en") ?? "");
      const explanation = tidy(toString(node));
      add(section, "term", en, explanation, node);
      add(section, "term-reverse", explanation, en, node);
    } else if (node.name === "Highlight") {
      const answer = tidy(toString(node));
      const context = [...ancestors].reverse().find((a) => CONTEXTS.has(a.type)) ?? node;
      add(section, "highlight", tidy(textWithBlank(context, node)), answer, node);
    } else if (node.name === "Card") {
      add(section, "card", tidy(stringAttribute(node, "front") ?? ""), tidy(stringAttribute(node, "back") ?? ""), node);
    }
  });
  return targets;
}

export function extractCards(tree: Root, scope: string): ExtractedCard[] {
  return extractCardTargets(tree, scope).map((target) => target.card);
}
