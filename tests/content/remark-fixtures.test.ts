/**
 * The sheet's remark plugins run alone on fixture files (tests/fixtures/remark/*.mdx), the tree
 * they leave compared with the expected file beside it (as Fumadocs and Nextra test theirs).
 * After an intended change: `npx vitest run tests/content/remark-fixtures.test.ts -u`, then read the diff.
 */
import fs from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { remarkBlockComponents, remarkSheetComponents, remarkSheetGrid } from "@/lib/content/mdx/remark-sheet";
import { buildGrid } from "@/lib/sheet-layout/layout";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/remark");
const layoutSchema = z.array(
  z.object({ height: z.number(), sections: z.array(z.union([z.string(), z.object({ id: z.string(), width: z.number() })])) }),
);

/** A tree without positions, JSX as { name, attributes }: what the plugins decided, nothing else. */
type Shape = { type: string; name?: string | null; attributes?: Record<string, unknown>; value?: string; children?: Shape[] };
function shape(node: Root | Root["children"][number]): Shape {
  const out: Shape = { type: node.type };
  if ("name" in node) out.name = node.name;
  if ("attributes" in node) {
    out.attributes = Object.fromEntries(node.attributes.flatMap((a) => (a.type === "mdxJsxAttribute" ? [[a.name, a.value]] : [])));
  }
  if ("value" in node && typeof node.value === "string") out.value = node.value;
  if ("children" in node) out.children = (node.children as Root["children"]).map(shape);
  return out;
}

async function run(name: string, remarkPlugins: PluggableList) {
  const file = new VFile({ path: path.join(FIXTURES, `${name}.mdx`), value: fs.readFileSync(path.join(FIXTURES, `${name}.mdx`), "utf8") });
  let tree: Root | undefined;
  const capture = () => (root: Root) => {
    tree = structuredClone(root);
  };
  // The same parser as the sheet compiler (lib/content/sheet.ts): MDX syntax plus GFM.
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkPlugins).use(capture);
  await processor.run(processor.parse(file), file);
  if (!tree) throw new Error(`${name}: the plugins never ran`);
  return { tree, file };
}

describe("remark-sheet on fixture files", () => {
  it("grid: arranges the sections into the layout's rows, with the title banner and widths", async () => {
    const layout = layoutSchema.parse(JSON.parse(fs.readFileSync(path.join(FIXTURES, "grid.layout.json"), "utf8")));
    const { tree } = await run("grid", [[remarkSheetGrid, { grid: buildGrid(layout) }]]);
    await expect(JSON.stringify(shape(tree), null, 2) + "\n").toMatchFileSnapshot(path.join(FIXTURES, "grid.expected.json"));
    const rows = shape(tree).children ?? [];
    expect(rows.map((row) => row.name)).toEqual(["SheetRow", "SheetRow"]);
    expect(rows[1]?.children?.map((cell) => cell.attributes)).toEqual([
      { id: "how", icon: "🛠️", title: "How", width: "60" },
      { id: "why", icon: "🤔", title: "Why", width: "40" },
    ]);
  });

  it("block-components: a one-line <Quote> or <Box> stands as a block, not inside a paragraph", async () => {
    const { tree } = await run("block-components", [remarkBlockComponents]);
    const section = shape(tree).children?.[0];
    expect(section?.children?.map((child) => `${child.type}${child.name ? `:${child.name}` : ""}`)).toEqual([
      "mdxJsxFlowElement:Quote",
      "mdxJsxFlowElement:Box",
      "paragraph",
      // Among other words it stays where it is written: only a paragraph that is nothing but the block is lifted.
      "paragraph",
    ]);
    expect(section?.children?.[0]?.attributes).toEqual({ by: "Andrej Karpathy" });
    expect(section?.children?.[0]?.children).toEqual([{ type: "text", value: "the network gives us probabilities" }]);
  });

  it("section-text: the plain text of each section, for search", async () => {
    const { file } = await run("section-text", [remarkSheetComponents]);
    const sections = (file.data.sheet?.sections ?? []).map(({ id, title, icon, text }) => ({ id, title, icon, text }));
    expect(sections).toHaveLength(2);
    await expect(JSON.stringify(sections, null, 2) + "\n").toMatchFileSnapshot(path.join(FIXTURES, "section-text.expected.json"));
  });
});
