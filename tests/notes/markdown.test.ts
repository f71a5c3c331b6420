import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { NoteMarkdown } from "@/components/notes/NoteMarkdown";
import { safeUrl } from "@/lib/links/safe-url";

const render = (text: string) => renderToStaticMarkup(createElement(NoteMarkdown, { text }));

describe("safe links", () => {
  it.each([
    "https://example.com/x?y=1",
    "http://a.b",
    "mailto:me@example.com",
    "/courses/deep-dive-llms/8",
    "#section-x",
    "notes",
  ])("keeps %s", (url) => {
    expect(safeUrl(url)).toBe(url);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "java\nscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example",
    "\\\\evil.example",
    "/\\evil.example",
  ])("drops %j", (url) => {
    expect(safeUrl(url)).toBe("");
  });
});

describe("note Markdown rendering", () => {
  it("renders GitHub-flavoured Markdown", () => {
    const html = render(
      "# Title\n\n**bold** ~~gone~~ [link](https://example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done",
    );
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">link</a>');
    expect(html).toContain("<table>");
    expect(html).toContain('type="checkbox"');
  });

  it.each([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](java%0Ascript:alert(1))",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "![x](javascript:alert(1))",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  ])("renders %j as inert text", (payload) => {
    const html = render(payload);
    expect(html).not.toMatch(/<(script|svg|iframe|img|math|div)\b/i);
    // Escaped text may say "onload=" or "javascript:"; no real tag may carry them.
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/<[a-z][^>]*(href|src)="\s*(javascript|data|vbscript):/i);
  });

  it("shows raw HTML as the text that was typed", () => {
    expect(render("a <b>b</b> c")).toBe("<p>a &lt;b&gt;b&lt;/b&gt; c</p>");
  });
});
