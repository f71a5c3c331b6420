import type { Root } from "mdast";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { safeUrl } from "@/lib/links/safe-url";
import { isSheetComponent, propProblems, SHEET_COMPONENTS } from "./component-props";

/**
 * A sheet is data, not code. This plugin is the one place that says what a sheet may contain:
 * GFM markdown, the sheet components with literal text attributes, and Mermaid fences. Everything
 * else (import/export, `{…}` expressions, expression or spread attributes, event handlers, `style`,
 * `ref`, `key`, `dangerouslySetInnerHTML`, unknown components, raw HTML, links that are not http(s),
 * mailto or in-app) is an error at its line that says what to write instead. Offending nodes and
 * attributes are also taken out of the tree (an unknown element leaves its children, a bad link its
 * words), so that nothing of them could reach the page even if a caller ignored the errors.
 */

const RULE_SOURCE = "study-sheets";

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const FORBIDDEN_PROPS: Record<string, string> = {
  style: "style is not allowed on a sheet: use a component's color instead, e.g. <Box color=\"blue\">",
  ref: "ref is not allowed on a sheet: it only makes sense in code",
  key: "key is not allowed on a sheet: it only makes sense in code",
  dangerouslySetInnerHTML: "dangerouslySetInnerHTML is not allowed on a sheet: write the content as markdown",
};

function report(file: VFile, node: Node, message: string, ruleId: string) {
  file.message(message, { place: node.position, ruleId, source: RULE_SOURCE });
}

function attributeProblem(element: JsxElement, attr: MdxJsxAttribute | MdxJsxExpressionAttribute): string | null {
  const tag = `<${element.name}>`;
  if (attr.type === "mdxJsxExpressionAttribute") {
    return `${tag} has a {…} attribute: sheets never run code, write each attribute as name="text"`;
  }
  if (/^on/i.test(attr.name)) return `${tag} event handler "${attr.name}" is not allowed: a sheet never runs code`;
  const forbidden = FORBIDDEN_PROPS[attr.name];
  if (forbidden) return `${tag} ${forbidden}`;
  if (attr.value !== null && typeof attr.value === "object") {
    return `${tag} ${attr.name}={…} is an expression: sheets never run code, write ${attr.name}="text"`;
  }
  return null;
}

/** Reports every attribute that is not literal text or is forbidden, takes it off, and returns the rest as props. */
function literalProps(element: JsxElement, file: VFile): Record<string, string | true> {
  const props: Record<string, string | true> = {};
  element.attributes = element.attributes.filter((attr) => {
    const problem = attributeProblem(element, attr);
    if (problem) report(file, element, problem, "attribute");
    else if (attr.type === "mdxJsxAttribute") props[attr.name] = typeof attr.value === "string" ? attr.value : true;
    return problem === null;
  });
  return props;
}

function elementProblem(element: JsxElement): string | null {
  const name = element.name;
  if (name === null) return "a fragment <>…</> is not allowed on a sheet: write the content directly";
  if (isSheetComponent(name)) return null;
  if (/^[a-z]/.test(name) && !name.includes(".")) {
    const instead = name === "br" ? "end the line with a backslash \\ for a line break" : "use markdown (**bold**, lists, tables, links) or a sheet component";
    return `raw HTML <${name}> is not allowed on a sheet: ${instead}`;
  }
  return `unknown component <${name}>: use one of ${SHEET_COMPONENTS.join(", ")}`;
}

type Parent = { children: Node[] };

export function remarkSafeSheet() {
  return (tree: Root, file: VFile) => {
    // Offending nodes are taken out after the walk, so that errors inside them are reported too.
    const removals: { parent: Parent; node: Node; keep: Node[] }[] = [];
    visit(tree, (node, _index, parent) => {
      const remove = (keep: Node[] = []) => {
        if (parent) removals.push({ parent, node, keep });
      };
      switch (node.type) {
        case "mdxjsEsm":
          report(file, node, "import/export is not allowed in a sheet: sheets never run code, use the built-in components", "esm");
          return remove();
        case "mdxFlowExpression":
        case "mdxTextExpression":
          report(file, node, "{…} is an expression and sheets never run code: write the text itself (a literal brace is &#123;)", "expression");
          return remove();
        case "mdxJsxFlowElement":
        case "mdxJsxTextElement": {
          const props = literalProps(node, file);
          const problem = elementProblem(node);
          if (problem) report(file, node, problem, "element");
          if (problem || node.name === null || !isSheetComponent(node.name)) return remove(node.children);
          for (const message of propProblems(node.name, props)) report(file, node, message, "prop");
          return undefined;
        }
        case "link":
        case "image":
        case "definition":
          if (safeUrl(node.url) !== "") return undefined;
          report(file, node, `link to "${node.url}" is not allowed: a link goes to http:, https:, mailto: or a page of the app`, "link");
          // An unsafe link still shows its words, as plain text.
          return remove(node.type === "link" ? node.children : []);
        default:
          return undefined;
      }
    });
    for (const { parent, node, keep } of removals.reverse()) {
      const index = parent.children.indexOf(node);
      if (index >= 0) parent.children.splice(index, 1, ...keep);
    }
  };
}
