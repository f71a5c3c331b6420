import { expect, openSheet, test } from "./fixtures";
import { COURSE, createNote } from "./notes-helpers";

/** Classic payloads; each would set window.__xss or open a dialog if it ever ran. */
const PAYLOADS = [
  "<script>window.__xss = 'script'</script>",
  "<img src=x onerror=\"window.__xss='img onerror'\">",
  "<svg onload=\"window.__xss='svg onload'\"><circle r=5 /></svg>",
  "<svg><script>window.__xss='svg script'</script></svg>",
  "<body onload=\"window.__xss='body onload'\">",
  "<iframe src=\"javascript:parent.__xss='iframe'\"></iframe>",
  "<a href=\"javascript:window.__xss='html link'\">html link</a>",
  "[markdown link](javascript:window.__xss='md%20link')",
  "[spaced link](java\tscript:window.__xss='tab')",
  "[entity link](&#106;avascript:window.__xss='entity')",
  "<details open ontoggle=\"window.__xss='details'\">x</details>",
  "<input autofocus onfocus=\"window.__xss='input'\">",
  "![tracking pixel](https://tracker.example/pixel.png)",
  "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='mxss'\">",
];

test("XSS payloads in note bodies never execute, in the panel, on /notes and in print", async ({ page, request }) => {
  for (const [index, body] of PAYLOADS.entries())
    await createNote(request, { chapter: 22, body: `payload ${index}: ${body}` });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  const check = async (scope: string) => {
    const notes = page.locator(`${scope} [data-note-id]`);
    await expect(notes.filter({ hasText: "payload" })).toHaveCount(PAYLOADS.length);
    expect(await page.evaluate(() => (window as typeof window & { __xss?: string }).__xss)).toBeUndefined();
    const dangerous = await page
      .locator(`${scope} [data-note-id]`)
      .evaluateAll((elements) =>
        elements.flatMap((element) => [
          ...[...element.querySelectorAll("script, iframe, svg, img, math, style, input, details, body")].map(
            (found) => found.outerHTML,
          ),
          ...[...element.querySelectorAll("*")].flatMap((found) =>
            [...found.attributes]
              .filter((attribute) => /^on/i.test(attribute.name))
              .map((attribute) => `${found.tagName} ${attribute.name}`),
          ),
          ...[...element.querySelectorAll("a[href]")]
            .map((link) => link.getAttribute("href")!)
            .filter((href) => !/^(https?:|mailto:|\/|#)/.test(href)),
        ]),
      );
    expect(dangerous).toEqual([]);
    // Clicking the would-be javascript: links does nothing either.
    for (const text of ["markdown link", "entity link"])
      await page.locator(`${scope} [data-note-id]`).getByText(text, { exact: true }).click();
    expect(await page.evaluate(() => (window as typeof window & { __xss?: string }).__xss)).toBeUndefined();
  };

  await page.goto(`/courses/${COURSE}/22`);
  await check("[data-notes]");
  // Shown as the text that was typed.
  await expect(page.locator("[data-notes]")).toContainText("<script>window.__xss = 'script'</script>");

  await page.goto(`/notes?course=${COURSE}&chapter=22`);
  await check("[data-notes-page]");

  await openSheet(page, `/courses/${COURSE}/22/print?notes=1`);
  await check("[data-print-notes]");
  expect(dialogs).toEqual([]);
});
