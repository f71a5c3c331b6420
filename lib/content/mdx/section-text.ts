import type { Nodes, Parents } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";

/**
 * The plain text of a sheet section as a reader sees it, for search: one line per block (so
 * list items and table cells do not run together), with what a component shows from its
 * attributes (a Term's English, a Box's title, a Quote's author) and the labels of its diagrams.
 */
export function sectionText(node: Nodes): string {
  return textOf(node)
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** Each block starts and ends a line; inline children run together as they read. */
const BLOCKS = new Set(["paragraph", "heading", "list", "listItem", "table", "tableRow", "blockquote", "code", "thematicBreak", "mdxJsxFlowElement", "root"]);

function attribute(element: MdxJsxFlowElement | MdxJsxTextElement, name: string): string {
  const found = element.attributes.find((a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name);
  return typeof found?.value === "string" ? found.value : "";
}

function childrenText(node: Parents, separator: string): string {
  return node.children.map((child) => textOf(child)).join(separator);
}

function textOf(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "code":
      return `\n${node.lang === "mermaid" ? diagramLabels(node.value).join("\n") : node.value}\n`;
    case "break":
      return " ";
    case "html":
    case "mdxjsEsm":
    case "mdxFlowExpression":
    case "mdxTextExpression":
    case "yaml":
      return "";
    case "tableRow":
      return `\n${childrenText(node, " | ")}\n`;
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement": {
      const inner = childrenText(node, "");
      const around = (text: string) => (node.type === "mdxJsxFlowElement" ? `\n${text}\n` : text);
      if (node.name === "Term") return `${attribute(node, "en")} (${inner.trim()})`;
      if (node.name === "Box") return around(`${attribute(node, "title")}\n${inner}`);
      if (node.name === "Quote") return around(`${inner} — ${attribute(node, "by")}`);
      if (node.name === "Card") return around(`${attribute(node, "front")} → ${attribute(node, "back")}`);
      return around(inner);
    }
    default:
      if (!("children" in node)) return "";
      return BLOCKS.has(node.type) ? `\n${childrenText(node, "")}\n` : childrenText(node, "");
  }
}

/** Lines of a diagram that only style it. */
const STYLE_LINE = /^\s*(%%|style\s|classDef\s|class\s|linkStyle\s|click\s)/;
/** Node and edge labels: "quoted", [box], (round), {rhombus}, |edge| and their doubled forms. */
const LABEL = /"([^"]+)"|\[\[?([^\]"]+)\]?\]|\(\(?([^()"]+)\)?\)|\{\{?([^{}"]+)\}?\}|\|([^|"]+)\|/g;

/**
 * The words a reader sees in a Mermaid diagram, roughly: its labels (any diagram type), or, for
 * a mind map whose nodes are bare lines, those lines.
 */
export function diagramLabels(code: string): string[] {
  const lines = code.split("\n").filter((line) => line.trim() && !STYLE_LINE.test(line));
  const mindmap = /^\s*mindmap\b/.test(lines[0] ?? "");
  const labels: string[] = [];
  for (const raw of lines.slice(1)) {
    // Mind map decorations: `::icon(fa fa-star)` and `:::class` are not words on the page.
    const line = raw.replace(/::icon\([^)]*\)|:::[\w-]+/g, "");
    const found = [...line.matchAll(LABEL)].map((m) => m.slice(1).find((group) => group !== undefined) ?? "");
    if (found.length > 0) labels.push(...found);
    else if (mindmap) labels.push(line);
  }
  return labels.map(cleanLabel).filter(Boolean);
}

function cleanLabel(label: string): string {
  return label
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/[*_`]{1,2}/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
