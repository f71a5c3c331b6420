import type { Code, Emphasis, Root, RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxJsxAttribute } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { visitParents } from "unist-util-visit-parents";
import type { VFile } from "vfile";
import type { SheetGrid } from "@/lib/sheet-layout/layout";
import { extractCardTargets, type ExtractedCard } from "@/lib/study/extract";
import { sectionText } from "./section-text";

/** What the plugins learn about a sheet, left on `file.data.sheet` for the loader. */
export interface SectionInfo {
  id: string;
  title: string;
  icon: string;
  line: number;
  /** Plain text of the section, for search. */
  text: string;
}
export interface DiagramInfo {
  /** Stable key of the diagram: "<section id>/<n-th diagram in that section>". */
  key: string;
  section: string;
  line: number;
  code: string;
}
interface SheetFileData {
  sections: SectionInfo[];
  diagrams: DiagramInfo[];
  /** Recall cards (lib/study/extract), in the order of the laid-out sheet. */
  cards: ExtractedCard[];
}

declare module "vfile" {
  interface DataMap {
    sheet: SheetFileData;
  }
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const RULE_SOURCE = "study-sheets";

function isJsx(node: { type: string }): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function stringAttribute(element: JsxElement, name: string): string | undefined {
  const attribute = element.attributes.find(
    (a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name,
  );
  return typeof attribute?.value === "string" ? attribute.value : undefined;
}

function attribute(name: string, value: string): MdxJsxAttribute {
  return { type: "mdxJsxAttribute", name, value };
}

function jsx(name: string, attributes: MdxJsxAttribute[], children: MdxJsxFlowElement["children"] = []): MdxJsxFlowElement {
  return { type: "mdxJsxFlowElement", name, attributes, children };
}

function isBlank(node: RootContent): boolean {
  return node.type === "paragraph" && toString(node).trim() === "";
}

/** Components drawn as blocks (a <div>, a <figure>): HTML does not let a paragraph hold them. */
const BLOCK_COMPONENTS = new Set(["Box", "Columns", "Quote"]);

/**
 * A block component written on one line (`<Quote by="…">words</Quote>`) is parsed as a paragraph
 * holding it; drawn so, a <figure> would sit inside a <p>, which the browser re-nests while it
 * parses, so the page React hydrates differs from the one the server sent and is drawn again.
 * Such a paragraph becomes the component itself.
 */
export function remarkBlockComponents() {
  return (tree: Root) => {
    visitParents(tree, "paragraph", (node, ancestors) => {
      const content = node.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
      const only = content.length === 1 ? content[0] : undefined;
      if (only?.type !== "mdxJsxTextElement" || !BLOCK_COMPONENTS.has(only.name ?? "")) return;
      const parent = ancestors[ancestors.length - 1] as { children: RootContent[] };
      const block: MdxJsxFlowElement = { ...only, type: "mdxJsxFlowElement", children: only.children as MdxJsxFlowElement["children"] };
      parent.children[parent.children.indexOf(node)] = block;
    });
  };
}

/**
 * Turns ```mermaid fences into <Mermaid> elements and records every <Section> (id, title, icon,
 * line, text) on file.data.sheet. What a sheet may contain at all is remarkSafeSheet's job.
 */
export function remarkSheetComponents() {
  return (tree: Root, file: VFile) => {
    const data: SheetFileData = { sections: [], diagrams: [], cards: [] };
    file.data.sheet = data;

    visitParents(tree, (node, ancestors) => {
      if (!isJsx(node) || node.name !== "Section") return;

      const line = node.position?.start.line ?? 1;
      if (ancestors.length !== 1) {
        file.message("<Section> must stand at the top level of the sheet, not inside another element", {
          place: node.position,
          ruleId: "section-nesting",
          source: RULE_SOURCE,
        });
        return;
      }
      const id = stringAttribute(node, "id");
      const title = stringAttribute(node, "title");
      const icon = stringAttribute(node, "icon");
      if (id) {
        data.sections.push({ id, title: title ?? id, icon: icon ?? "", line, text: sectionText(node) });
      }
    });

    // Mermaid fences become <Mermaid>, keyed by their section so a user's edit stays attached.
    const perSection = new Map<string, number>();
    visitParents(tree, "code", (node: Code, ancestors) => {
      if (node.lang !== "mermaid") return;
      const section = ancestors.find(
        (a): a is MdxJsxFlowElement => isJsx(a) && a.name === "Section",
      );
      const sectionId = section ? (stringAttribute(section, "id") ?? "sheet") : "sheet";
      const n = (perSection.get(sectionId) ?? 0) + 1;
      perSection.set(sectionId, n);
      const line = node.position?.start.line ?? 1;
      const key = `${sectionId}/${n}`;
      data.diagrams.push({ key, section: sectionId, line, code: node.value });
      const parent = ancestors[ancestors.length - 1] as { children: RootContent[] };
      const index = parent.children.indexOf(node);
      parent.children[index] = jsx("Mermaid", [
        attribute("code", node.value),
        attribute("diagramKey", key),
        attribute("line", String(line)),
      ]);
    });
  };
}

/**
 * Checks that everything stands in a <Section>, then arranges the top-level <Section>s into the rows of the layout: each row becomes a <SheetRow>,
 * each cell its <Section> (or the <TitleBanner>), with the width it was given.
 */
export function remarkSheetGrid(options: { grid: SheetGrid | null }) {
  return (tree: Root, file: VFile) => {
    const sections = new Map<string, MdxJsxFlowElement>();
    for (const node of tree.children) {
      if (node.type === "mdxJsxFlowElement" && node.name === "Section") {
        const id = stringAttribute(node, "id");
        if (id && sections.has(id)) {
          file.message(`duplicate <Section id="${id}">`, { place: node.position, ruleId: "duplicate-section", source: RULE_SOURCE });
        } else if (id) {
          sections.set(id, node);
        }
      } else if (!isBlank(node) && node.type !== "mdxjsEsm") {
        file.message("content outside any <Section> would not appear on the sheet: move it into a section", {
          place: node.position,
          ruleId: "outside-section",
          source: RULE_SOURCE,
        });
      }
    }

    // Without a valid layout there is nothing to arrange: the sections are still checked above.
    if (!options.grid) return;
    tree.children = options.grid.rows.map((row, rowIndex) =>
      jsx(
        "SheetRow",
        [
          attribute("index", String(rowIndex)),
          attribute("height", String(row.height)),
          attribute("columns", row.cells.map((cell) => cell.width).join(" ")),
        ],
        row.cells.flatMap((cell): MdxJsxFlowElement[] => {
          if (cell.isTitle) return [jsx("TitleBanner", [attribute("width", String(cell.width))])];
          const section = sections.get(cell.id);
          if (!section) return [];
          section.attributes.push(attribute("width", String(cell.width)));
          return [section];
        }),
      ),
    );
  };
}

/**
 * Finds the sheet's recall cards (after the grid, so they follow the laid-out page section by
 * section), records them on file.data.sheet.cards and marks where each answer stands: a
 * `cardId` prop on components (a Term also a `reverseCardId`, its English word being the reverse
 * card's answer); a table cell's content is wrapped in <span data-card-id><span class=sheet-answer>
 * (the cell keeps its borders while its words are masked). Study mode and the quiz mask exactly those.
 */
export function remarkStudyCards(options: { scope: string }) {
  return (tree: Root, file: VFile) => {
    const targets = extractCardTargets(tree, options.scope);
    for (const { card, node } of targets) {
      if (node.type === "tableCell") {
        // An emphasis node only as a phrasing wrapper: hName makes it a plain <span>.
        const answer: Emphasis = { type: "emphasis", children: node.children, data: { hName: "span", hProperties: { className: ["sheet-answer"] } } };
        node.children = [{ type: "emphasis", children: [answer], data: { hName: "span", hProperties: { dataCardId: card.id } } }];
      } else {
        // The reverse card's answer is the English word: only /review masks it, never study mode or the quiz.
        node.attributes.push(attribute(card.kind === "term-reverse" ? "reverseCardId" : "cardId", card.id));
      }
    }
    const data = file.data.sheet ?? { sections: [], diagrams: [], cards: [] };
    data.cards = targets.map((target) => target.card);
    file.data.sheet = data;
  };
}
