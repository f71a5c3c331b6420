import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { jsxHandlers } from "@/lib/content/mdx/jsx-to-hast";
import { remarkSheetComponents, remarkStudyCards } from "@/lib/content/mdx/remark-sheet";
import { parseSheetTree } from "@/lib/content/sheet";
import { CLOZE_BLANK, cardId, extractCards, normaliseCardText } from "@/lib/study/extract";

const KOREAN_SECTION = `<Section id="base-model" icon="🧠" title="BASE MODEL">

- <Term en="Document Completer">문서 완성기</Term>: 다음 토큰 예측
- <Highlight color="pink">NOT an Assistant</Highlight>: 질문에 답하지 않고 문서를 이어 씀

</Section>`;

const ENGLISH_SECTION = `<Section id="release" icon="📦" title="RELEASE">

| # | Part | What |
|---|---|---|
| 1 | **Source Code** | Python code for the forward pass |
| 2 | **Parameters** | <Highlight>the real value</Highlight> |

<Card front="How many parameters has Llama 3.1?" back="405B" />

</Section>`;

function cardsOf(body: string) {
  return extractCards(parseSheetTree(body), "deep-dive-llms/8");
}

describe("card extraction", () => {
  it("makes both directions of a Term and a cloze of a Highlight (Korean)", () => {
    const cards = cardsOf(KOREAN_SECTION);
    expect(cards.map(({ kind, front, back, section }) => ({ kind, front, back, section }))).toEqual([
      { kind: "term", front: "Document Completer", back: "문서 완성기", section: "base-model" },
      { kind: "term-reverse", front: "문서 완성기", back: "Document Completer", section: "base-model" },
      {
        kind: "highlight",
        front: `${CLOZE_BLANK}: 질문에 답하지 않고 문서를 이어 씀`,
        back: "NOT an Assistant",
        section: "base-model",
      },
    ]);
    expect(cards.map((c) => c.position)).toEqual([0, 1, 2]);
  });

  it("makes row head · column head → cell from table bodies, and takes explicit Cards (English)", () => {
    const cards = cardsOf(ENGLISH_SECTION);
    expect(cards.map(({ kind, front, back }) => ({ kind, front, back }))).toEqual([
      { kind: "table", front: "Source Code · What", back: "Python code for the forward pass" },
      // the Parameters row's cell is a highlight: a cloze, not a second table card
      { kind: "highlight", front: CLOZE_BLANK, back: "the real value" },
      { kind: "card", front: "How many parameters has Llama 3.1?", back: "405B" },
    ]);
  });

  it("keeps ids when sections and items are reordered, and changes them when the text changes", () => {
    const before = cardsOf(`${KOREAN_SECTION}\n\n${ENGLISH_SECTION}`);
    const reordered = cardsOf(
      `${ENGLISH_SECTION}\n\n${KOREAN_SECTION.replace(
        /- <Term.*\n(- <Highlight.*)/,
        (_, highlight: string) => `${highlight}\n- <Term en="Document Completer">문서 완성기</Term>: 다음 토큰 예측`,
      )}`,
    );
    expect(before).toHaveLength(6);
    expect(new Set(reordered.map((c) => c.id))).toEqual(new Set(before.map((c) => c.id)));
    expect(reordered[0]?.section).toBe("release");

    const edited = cardsOf(KOREAN_SECTION.replace("문서 완성기", "문서 완성 모델"));
    const original = cardsOf(KOREAN_SECTION);
    expect(edited[0]?.id).not.toBe(original[0]?.id);
    expect(edited[2]?.id).toBe(original[2]?.id);
  });

  it("normalises case, spacing and width before hashing", () => {
    expect(normaliseCardText("  Token\tSimulator ")).toBe("token simulator");
    expect(cardId("c/1", "s", "term", "Token  Simulator", "ｘ")).toBe(
      cardId("c/1", "s", "term", "token simulator", "x"),
    );
    expect(cardId("c/1", "s", "term", "a", "b")).not.toBe(cardId("c/1", "t", "term", "a", "b"));
    expect(cardId("c/1", "s", "term", "a", "b")).not.toBe(cardId("c/2", "s", "term", "a", "b"));
  });

  it("ignores cards outside any section and duplicates inside one", () => {
    const cards = cardsOf(`<Highlight>stray</Highlight>

<Section id="a" icon="x" title="A">

<Highlight>same</Highlight>

<Highlight>same</Highlight>

</Section>`);
    expect(cards.map((c) => c.back)).toEqual(["same"]);
  });
});

describe("the compiled sheet", () => {
  it("marks where each answer stands and lists the cards in layout order", async () => {
    const file = new VFile({ path: "sheet.mdx", value: `${KOREAN_SECTION}\n\n${ENGLISH_SECTION}` });
    // The sheet pipeline of lib/content/sheet.ts, up to the hast tree the page renders.
    const processor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkGfm)
      .use(remarkSheetComponents)
      .use(remarkStudyCards, { scope: "c/1" })
      .use(remarkRehype, { handlers: jsxHandlers });
    const code = JSON.stringify(await processor.run(processor.parse(file), file));
    const cards = file.data.sheet?.cards ?? [];
    expect(cards).toHaveLength(6);
    // components get a cardId prop; a table cell's words are wrapped in a span carrying the id
    const onSheet = cards.filter((card) => card.kind !== "term-reverse");
    for (const card of onSheet) expect(code).toContain(card.id);
    // the reverse term card's answer is the Term's English word: its own prop, not a study-mode mask
    const reverse = cards.find((card) => card.kind === "term-reverse");
    expect(code).toContain(`"reverseCardId":"${reverse?.id}"`);
    expect(code).not.toContain(`"cardId":"${reverse?.id}"`);
    // a table cell's span: `data-card-id` in the page, `dataCardId` in the hast tree, the words inside
    expect(code).toMatch(
      /"dataCardId":"[0-9a-f]{20}"\},"children":\[\{"type":"element","tagName":"span","properties":\{"className":\["sheet-answer"\]\}/,
    );
    expect(file.data.sheet?.sections.find((s) => s.id === "release")?.text).toContain(
      "How many parameters has Llama 3.1? → 405B",
    );
  });
});
