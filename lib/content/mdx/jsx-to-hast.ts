import type { Element } from "hast";
import type { State } from "mdast-util-to-hast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";

/**
 * A sheet component becomes a plain hast element named after it (`<Box title="…">` → element
 * "Box" with property title), carrying only its literal text attributes. The renderer then finds it
 * in the component map by that name: the tree holds data only, never an expression to evaluate.
 */
function jsxToElement(state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element {
  const properties = Object.fromEntries(
    node.attributes.flatMap((attr) => (attr.type === "mdxJsxAttribute" && typeof attr.value === "string" ? [[attr.name, attr.value]] : [])),
  );
  const element: Element = { type: "element", tagName: node.name ?? "span", properties, children: state.all(node) };
  state.patch(node, element);
  return element;
}

/** remark-rehype handlers for the sheet's JSX elements. */
export const jsxHandlers = { mdxJsxFlowElement: jsxToElement, mdxJsxTextElement: jsxToElement };
