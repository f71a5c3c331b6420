// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { activeContent, drawingProblem, smallTextWarning } from "@/lib/mermaid/drawing-check";

function svgOf(markup: string): Element {
  const template = document.createElement("template");
  template.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">${markup}</svg>`;
  const svg = template.content.querySelector("svg");
  if (!svg) throw new Error("no svg");
  return svg;
}

describe("drawingProblem", () => {
  it("accepts a drawing with shapes and text", () => {
    expect(drawingProblem(svgOf('<rect x="1" y="1" width="10" height="10"/><text x="2" y="8">A</text>'))).toBeNull();
  });

  it("calls a drawing without text or shapes blank", () => {
    expect(drawingProblem(svgOf("<g><g></g><text> </text></g>"))).toBe(
      "the diagram came out blank: Mermaid drew no text and no shapes",
    );
  });

  it("calls NaN coordinates an error, naming the element and how many", () => {
    const problem = drawingProblem(svgOf('<rect x="NaN" y="1" width="10" height="10"/><path d="M0,NaN L1,1"/>'));
    expect(problem).toMatch(/^the diagram was drawn with invalid coordinates \(NaN in <rect>, 2 element\(s\)\)/);
  });

  it("removes a gantt today-marker drawn at NaN and keeps the rest", () => {
    const svg = svgOf(
      '<g class="today"><line class="today" x1="NaN" x2="NaN" y1="0" y2="10"/></g><rect class="task" x="1" y="1" width="5" height="5"/>',
    );
    expect(drawingProblem(svg)).toBeNull();
    expect(svg.querySelectorAll("line.today")).toHaveLength(0);
    expect(svg.querySelectorAll("rect.task")).toHaveLength(1);
  });
});

describe("smallTextWarning", () => {
  it("warns under 6 pt, naming the diagram, and not at or above it", () => {
    expect(smallTextWarning("C4 context", 3.5)).toBe(
      "C4 context: text 3.5 pt: give this section more room or split the diagram",
    );
    expect(smallTextWarning("C4 context", 6)).toBeNull();
    expect(smallTextWarning("info", null)).toBeNull();
  });
});

describe("activeContent", () => {
  it("finds nothing in a drawing of shapes, text, styles and a plain link", () => {
    const svg = svgOf(
      '<style>.node{fill:red}</style><a href="https://example.org"><rect width="5" height="5"/></a><text>A</text><image href="data:image/png;base64,AAAA"/>',
    );
    expect(activeContent(svg)).toBeNull();
  });

  it("names what could run or load: script-like elements, handlers, javascript: addresses however spelt", () => {
    const cases: [string, string][] = [
      ["<script>alert(1)</script>", "<script>"],
      ['<foreignObject><iframe src="https://example.org"></iframe></foreignObject>', "<iframe>"],
      ['<rect onmouseover="alert(1)" width="1" height="1"/>', "onmouseover on <rect>"],
      ['<a href="javascript:alert(1)"><text>x</text></a>', 'href="javascript:alert(1)" on <a>'],
      ['<a href=" JaVa&#9;Script:alert(1)"><text>x</text></a>', 'href=" JaVa\tScript:alert(1)" on <a>'],
      ['<a href="data:text/html,<b>x</b>"><text>x</text></a>', 'href="data:text/html,<b>x</b>" on <a>'],
    ];
    for (const [markup, found] of cases) expect(activeContent(svgOf(markup)), markup).toBe(found);
    expect(activeContent(svgOf("<text>x</text>").ownerDocument.createElement("script"))).toBe("<script>");
  });
});
