import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { diagramLabels } from "@/lib/content/mdx/section-text";
import { remarkSheetComponents } from "@/lib/content/mdx/remark-sheet";

async function sectionTexts(body: string): Promise<string[]> {
  const file = new VFile({ path: "sheet.mdx", value: body });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkSheetComponents);
  await processor.run(processor.parse(file), file);
  return (file.data.sheet?.sections ?? []).map((section) => section.text);
}

describe("section text for search", () => {
  it("gives each list item and table row a line, and includes a Term's English and a Box's title", async () => {
    const [text] = await sectionTexts(`<Section id="a" icon="🧠" title="A">

- <Term en="Document Completer">문서 완성기</Term>: **다음** 토큰 예측
- second item

<Box title="Inside box">

| k | v |
|---|---|
| GPT-2 | 1.5B |

</Box>

<Quote by="Andrej Karpathy">a token simulator</Quote>

</Section>
`);
    expect(text?.split("\n")).toEqual([
      "Document Completer (문서 완성기): 다음 토큰 예측",
      "second item",
      "Inside box",
      "k | v",
      "GPT-2 | 1.5B",
      "a token simulator — Andrej Karpathy",
    ]);
  });

  it("reads the labels of a diagram, not its syntax", () => {
    expect(
      diagramLabels(`flowchart LR
  A["Pre-training<br>인터넷 문서 (15T)"] --> B[Base model]
  B -->|SFT| C(Assistant)
  style B fill:#fff3b0`),
    ).toEqual(["Pre-training 인터넷 문서 (15T)", "Base model", "SFT", "Assistant"]);
    expect(
      diagramLabels(`mindmap
  root((LLM 찾기))
    Proprietary
      ChatGPT ::icon(fa fa-star)`),
    ).toEqual(["LLM 찾기", "Proprietary", "ChatGPT"]);
  });
});
