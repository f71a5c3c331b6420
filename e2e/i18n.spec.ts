import type { Page } from "@playwright/test";
import en from "@/messages/en.json" with { type: "json" };
import ko from "@/messages/ko.json" with { type: "json" };
import { compact, readPdf } from "../tests/pdf/pdf-reader";
import { expect, openSheet, test } from "./fixtures";
import { COURSE, createNote, openChapter, saveState } from "./notes-helpers";

/**
 * The interface in Korean and English (issue 19): chosen by the browser's language, switched and
 * remembered in the header; shortcuts by physical key with a Korean input mode; IME search.
 */
const MESSAGES = { ko, en } as const;
type Language = keyof typeof MESSAGES;
const BROWSER_LOCALE: Record<Language, string> = { ko: "ko-KR", en: "en-US" };
/** A fixture chapter with a diagram whose text prints under 6 pt (it warns). */
const DIAGRAM_WARNING = { course: "diagram-world", chapter: 1 };

/** Presses a key the way a browser in Korean (Dubeolsik) mode sends it: the physical code, a jamo as key. */
async function pressKey(
  page: Page,
  init: { code: string; key: string; ctrlKey?: boolean; shiftKey?: boolean; isComposing?: boolean },
  target = "body",
) {
  await page
    .locator(target)
    .first()
    .evaluate((element, eventInit) => {
      element.dispatchEvent(new KeyboardEvent("keydown", { ...eventInit, bubbles: true, cancelable: true }));
    }, init);
}

for (const language of ["ko", "en"] as const) {
  const m = MESSAGES[language];
  test.describe(`in ${language}`, () => {
    test.use({ locale: BROWSER_LOCALE[language] });

    test("the library, a chapter with its notes panel, the source page and a content error", async ({ page }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.library.title);
      await expect(page.locator("#courses-title")).toHaveText(m.library.courses);

      await openChapter(page, 23);
      await expect(page.locator("#notes-heading")).toContainText(m.notes.panel.title);
      await expect(page.locator("[data-add-note]")).toContainText(m.notes.panel.add);
      await expect(page.locator('[data-status="studying"]')).toContainText(m.notes.progress.studying);
      await expect(page.locator("[data-nav=source]")).toContainText(m.chapter.nav.source);
      await expect(page.locator(".sheet-note-button").first()).toHaveAttribute("title", m.notes.sectionButton.title);

      await page.goto(`/courses/${COURSE}/23/source`);
      await expect(page.locator(".source-kicker")).toHaveText(
        language === "ko" ? "원문 페이지 · 23장" : "Source page · chapter 23",
      );
      await expect(page.locator(".transcript-stamp").first()).toHaveAttribute(
        "aria-label",
        new RegExp(language === "ko" ? "부터 영상 열기$" : "^Open the video at"),
      );

      await page.goto("/courses/layout-lab/5");
      await expect(page.locator("[data-content-errors] h2")).toHaveText(`⚠ ${m.errors.content.chapter}`);
      await expect(page.locator("[data-content-errors] > p")).toHaveText(m.errors.content.fix);
      // The errors themselves are content:check's, in English, with file:line.
      await expect(page.locator("[data-content-errors] li").first()).toContainText("sheet.mdx:");

      await page.goto("/courses/no-such-course");
      await expect(page.locator("[data-error-page=not-found]")).toContainText(m.errors.notFound.title);
    });

    test("search, the help dialog, a conflict and an offline state", async ({ page, request }) => {
      const note = await createNote(request, { chapter: 24, body: `conflict ${language}` });
      await openChapter(page, 24);

      await pressKey(page, { code: "KeyK", key: language === "ko" ? "ㅏ" : "k", ctrlKey: true });
      const palette = page.locator("[data-search-palette]");
      await expect(palette).toBeVisible();
      await expect(palette.getByRole("combobox")).toHaveAttribute("placeholder", m.search.placeholder);
      await palette.getByRole("combobox").fill("qqzzxxv");
      await expect(palette.locator(".search-status")).toHaveText(m.search.status.none.replace("{query}", "qqzzxxv"));
      await palette.getByRole("combobox").press("Escape");

      await pressKey(page, { code: "Slash", key: "?", shiftKey: true });
      const help = page.locator("[data-shortcut-help]");
      await expect(help).toBeVisible();
      await expect(help.locator("h2")).toHaveText(m.help.title);
      await expect(help.locator('[data-shortcut="new-note"] td')).toHaveText(m.help.action.newNote);
      // In Korean the N key also shows the jamo it types in Korean mode.
      await expect(help.locator('[data-shortcut="new-note"] th')).toHaveText(language === "ko" ? "N(ㅜ)" : "N");
      await help.getByRole("button", { name: m.help.close }).click();

      // Someone else saves the note first: the next edit here is a conflict.
      const patched = await request.patch(`/api/notes/${note.id}`, {
        data: { body: "changed elsewhere", version: note.version },
      });
      expect(patched.status()).toBe(200);
      await page.locator(`[data-note-id="${note.id}"]`).getByRole("button", { name: m.notes.card.edit }).click();
      await page.locator("[data-note-input]").fill("changed here");
      const conflict = page.locator(`[data-note-id="${note.id}"] [data-conflict]`);
      await expect(conflict).toBeVisible();
      await expect(saveState(page)).toContainText(m.notes.saveState.conflict);
      await expect(conflict.locator("[data-conflict-mine] figcaption")).toHaveText(m.notes.conflict.mine);
      await expect(conflict.locator('[data-keep="mine"]')).toHaveText(m.notes.conflict.keepMine);
      await conflict.locator('[data-keep="mine"]').click();
      await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
      await expect(saveState(page)).toContainText(m.notes.saveState.saved);

      await page.route("**/api/notes**", (route) => route.abort("connectionrefused"));
      await page.reload();
      await expect(page.locator("[data-notes]")).toHaveAttribute("data-load", "failed");
      await expect(page.locator("[data-notes] [role=alert]").first()).toHaveText(m.notes.panel.unreachable);
      await page.locator("[data-add-note]").click();
      await page.locator("[data-note-input]").fill("offline");
      await expect(saveState(page)).toHaveAttribute("data-save-state", "offline");
      await expect(saveState(page)).toContainText(m.notes.saveState.offline);
      await page.unroute("**/api/notes**");
    });
  });
}

test.describe("choosing the language", () => {
  test.use({ locale: "ko-KR" });

  test("a Korean browser gets Korean; the header's switch changes it and the cookie remembers it", async ({
    page,
    context,
  }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.locator("html")).toHaveAttribute("data-shortcuts", "ready");
    await page.locator('[data-language-switch] [data-locale="en"]').click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.library.title);
    expect((await context.cookies()).find((cookie) => cookie.name === "NEXT_LOCALE")?.value).toBe("en");
    await page.goto(`/courses/${COURSE}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // Hydrated (the switch's click handler is attached) before it is clicked.
    await expect(page.locator("html")).toHaveAttribute("data-shortcuts", "ready");
    await page.locator('[data-language-switch] [data-locale="ko"]').click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.locator("[data-language-switch] [aria-pressed=true]")).toHaveText("한국어");
  });
});

test.describe("the booklet in the language it was asked in", () => {
  const BOOKLET_TIMEOUT_MS = 180_000;

  test("Korean from the background job (Accept-Language), English from a GET (the cookie wins)", async ({
    request,
  }) => {
    test.setTimeout(BOOKLET_TIMEOUT_MS);
    const note = await createNote(request, { course: "kitchen-chemistry", chapter: 1, body: "booklet note" });
    const started = await request.post("/api/pdf/kitchen-chemistry?notes=1", {
      headers: { "accept-language": "ko-KR,ko;q=0.9,en;q=0.5" },
    });
    expect(started.status()).toBe(202);
    const job = (await started.json()) as { progress: string; download: string };
    await expect
      .poll(async () => ((await (await request.get(job.progress)).json()) as { state: string }).state, {
        timeout: BOOKLET_TIMEOUT_MS,
      })
      .toBe("done");
    const korean = await readPdf(await (await request.get(job.download)).body());
    await request.delete(`/api/notes/${note.id}`);

    const english = await readPdf(
      await (
        await request.get("/api/pdf/kitchen-chemistry", {
          headers: { cookie: "NEXT_LOCALE=en", "accept-language": "ko-KR" },
          timeout: BOOKLET_TIMEOUT_MS,
        })
      ).body(),
    );

    const printed = new Date();
    for (const [language, pdf] of [
      ["ko", korean],
      ["en", english],
    ] as const) {
      const words = MESSAGES[language].pdf;
      const cover = compact(pdf.pages[0]?.text ?? "");
      for (const label of [words.cover.author, words.cover.source, words.cover.printed]) {
        expect(cover, `${language} cover`).toContain(compact(label));
      }
      expect(cover).toContain(compact(new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(printed)));
      // The heading is set in capitals.
      expect(compact(pdf.pages[1]?.text ?? "").toLowerCase(), `${language} contents`).toContain(
        compact(words.contents.title).toLowerCase(),
      );
    }
    // Three of the course's four chapters are written (the line is set in capitals).
    expect(compact(korean.pages[0]?.text ?? "")).toContain(compact("챕터 4개 중 3개"));
    expect(compact(english.pages[0]?.text ?? "").toLowerCase()).toContain(compact("3 of 4 chapters"));
    const koreanFront = compact(korean.pages[0]?.text ?? "") + compact(korean.pages[1]?.text ?? "");
    for (const label of ["author", "printed", "contents"]) expect(koreanFront.toLowerCase()).not.toContain(label);
    // The notes pages' bookmark is named in Korean too.
    expect(korean.outline[0]?.children.map((child) => child.title)).toEqual([ko.pdf.booklet.notesBookmark]);
  });
});

/**
 * The English words left in the visible interface: text and labels outside content (anything
 * under translate="no": sheets' text, transcripts, notes, course and chapter titles). Content
 * strings quoted inside a label ("{title}에 노트 추가") are taken out before looking.
 */
async function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ALLOWED = [
      ...[
        "Study Sheets",
        "Ctrl",
        "Esc",
        "Enter",
        "Shift",
        "Space",
        "PDF",
        "JSON",
        "Markdown",
        "Mermaid",
        "Chromium",
        "English",
      ],
      ...["https", "mm:ss", "zip", "TSV", "Anki", "ASCII", "YouTube", "URL", "ID", "frontmatter"],
      // The typographic and screen units, written so in Korean too ("11 pt", "글자 2.7pt", "20px"), and the
      // table syntax the palette names ("표 (GFM)").
      "pt",
      "px",
      "GFM",
    ];
    const isContent = (element: Element) =>
      element.closest('[translate="no"], [data-sheet], code, kbd, pre, script, style, noscript, title') !== null;
    // Each content element's text, and its parts' (a chapter switcher's options, one by one).
    const content = [...document.querySelectorAll('[translate="no"], [translate="no"] *')]
      .map((element) => element.textContent?.trim() ?? "")
      .filter((text) => text.length > 0)
      .sort((a, b) => b.length - a.length);
    const strip = (text: string) => [...content, ...ALLOWED].reduce((rest, known) => rest.split(known).join(" "), text);
    const found: string[] = [];
    const check = (text: string, where: string) => {
      const words = strip(text).match(/[A-Za-z]{2,}/g);
      if (words) found.push(`${where}: ${text.trim()}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || isContent(parent) || !parent.checkVisibility()) continue;
      check(node.textContent ?? "", parent.tagName.toLowerCase());
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt], [aria-valuetext]")) {
      if (isContent(element)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt", "aria-valuetext"]) {
        const value = element.getAttribute(name);
        if (value) check(value, `${element.tagName.toLowerCase()}[${name}]`);
      }
    }
    return found;
  });
}

test.describe("Korean everywhere", () => {
  test.use({ locale: "ko-KR" });

  test("every page and dialog in Korean has no English interface text left", async ({ page, request }, testInfo) => {
    test.setTimeout(300_000);
    await createNote(request, { chapter: 22, body: "Korean walk: a note in English stays as written" });
    const shot = async (name: string) => {
      if (process.env.SCREENSHOTS) await page.screenshot({ path: testInfo.outputPath(`ko-${name}.png`) });
    };
    const visited: string[] = [];
    const left: Record<string, string[]> = {};
    const expectKorean = async (what: string) => {
      visited.push(what);
      const found = await englishLeft(page);
      if (found.length > 0) left[what] = found;
    };

    await page.goto("/");
    await expectKorean("library");
    await shot("library");
    await page.locator("[data-new-course]").click();
    const form = page.locator("[data-new-course-form]");
    await expect(form).toBeVisible();
    await expectKorean("new course dialog");
    // A refused course: the server's code, said in Korean (nothing is written).
    await form.locator("[name=id]").fill("ko-walk");
    await form.locator("[name=title]").fill("한국어 강좌");
    await form.locator("[name=author]").fill("작성자");
    await form.locator("[name=source_url]").fill("https://www.youtube.com/watch?v=7xTGNNLPyMI");
    await form.locator("[name=markers]").fill("0:00 소개\n시간 없는 줄");
    await form.locator("button[type=submit]").click();
    await expect(form.locator("[data-problems]")).toHaveAttribute("data-refusal", "linesUnreadable");
    await expect(form.locator("[data-problems] li")).toHaveText(
      `${ko.authoring.problems.fields.markers} 2번째 줄: “시간 없는 줄”: 0:00이나 1:02:03 같은 시간으로 시작하지 않습니다`,
    );
    await expectKorean("authoring refusal");
    await page.keyboard.press("Escape");
    await page.goto(`/courses/${COURSE}`);
    await expect(page.locator("[data-pack-export]")).toBeVisible();
    await expectKorean("course");
    await page.goto("/courses/kitchen-chemistry");
    await expect(page.locator("html")).toHaveAttribute("data-shortcuts", "ready");
    const download = page.waitForEvent("download", { timeout: 90_000 });
    await page.locator("[data-booklet-button]").click();
    await expect(page.locator("[data-booklet-status=running] span")).toContainText(/챕터|묶는 중/);
    await expectKorean("booklet progress");
    await download;
    await expect(page.locator("[data-booklet-status=done]")).toContainText(ko.pdf.booklet.ready);
    await openSheet(page, `/courses/${COURSE}/22`);
    await expect(page.locator("[data-notes]")).toHaveAttribute("data-load", "loaded");
    await expectKorean("chapter with notes");
    await page.locator("[data-add-note]").click();
    await expectKorean("note editor");
    await shot("chapter");
    await page.keyboard.press("Escape");
    await pressKey(page, { code: "Slash", key: "?", shiftKey: true });
    await expect(page.locator("[data-shortcut-help]")).toBeVisible();
    await expectKorean("help dialog");
    await shot("help");
    await page.keyboard.press("Escape");
    await pressKey(page, { code: "Slash", key: "/" });
    await expect(page.locator("[data-search-palette]")).toBeVisible();
    await expectKorean("search tips");
    await page.locator("[data-search-palette] [role=combobox]").fill("토큰");
    await expect(page.locator("[data-search-palette] .search-result").first()).toBeVisible();
    await expectKorean("search results");
    await shot("search");
    await page.keyboard.press("Escape");
    await page.locator("[data-study-bar] .study-toggle").click();
    await expect(page.locator("[data-study-panel]")).toBeVisible();
    await expectKorean("study mode");
    await page.goto(`/courses/${COURSE}/22/edit`);
    await expect(page.locator("[data-fit-summary]")).not.toHaveAttribute("data-fit-summary", "pending");
    await expectKorean("studio");
    await page.locator("[data-studio-layout-toggle]").click();
    await expect(page.locator("[data-layout-panel]")).toBeVisible();
    await expectKorean("studio layout panel");
    await page.locator("[data-studio-insert]").click();
    await expect(page.locator("[data-insert-palette]")).toBeVisible();
    await expectKorean("studio insert palette");
    await page.keyboard.press("Escape");
    await expect(page.locator("[data-insert-palette]")).toHaveCount(0);
    await page.locator("[data-studio-layout-toggle]").click();
    await page.getByRole("button", { name: "기록" }).click();
    await expect(page.locator("[data-studio-history]")).toBeVisible();
    await expectKorean("studio history");
    await shot("studio");
    // A border dragged (here: moved by key) while the row heights sum to 107: the studio refuses it in Korean.
    await page.goto(`/courses/${COURSE}/6/edit`);
    await expect(page.locator("[data-preview] [data-sheet]")).toHaveAttribute("data-ready", "true", {
      timeout: 30_000,
    });
    await page.locator("[data-studio-autosave]").uncheck();
    await page.locator(".cm-line", { hasText: "{ height: 10, sections: [title] }" }).click();
    await page.keyboard.press("End");
    for (let i = 0; i < ", sections: [title] }".length; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("7");
    await expect(page.locator("[data-studio-errors] li").first()).toBeVisible();
    await page.locator('[data-handle^="row-"]').first().press("ArrowDown");
    await expect(page.locator(".studio-handle-problem")).toHaveText("행 높이의 합은 100이어야 하는데 107입니다.");
    await expectKorean("studio layout error");
    // A diagram whose text prints under 6 pt: its warning in the fit list and on the sheet, in Korean.
    await page.goto(`/courses/${DIAGRAM_WARNING.course}/${DIAGRAM_WARNING.chapter}/edit`);
    // Its diagrams are many and large: on a busy machine the preview takes a while to be drawn and fitted.
    await expect(page.locator("[data-preview] [data-sheet]")).toHaveAttribute("data-ready", "true", {
      timeout: 90_000,
    });
    await expect(page.locator("[data-gauge-kind=diagram]").first()).toContainText("글자");
    await expect(page.locator(".sheet-mermaid-warning:not([hidden])").first()).toContainText("다이어그램을 나누세요");
    await expectKorean("diagram warning");
    await page.goto("/review");
    await expect(page.locator("[data-review-queue]")).toBeVisible();
    await expect(page.locator("[data-review-counts]")).not.toHaveAttribute("data-review-counts", "");
    await expectKorean("review");
    await shot("review");
    await page.goto(`/courses/${COURSE}/22/source`);
    await expectKorean("source page");
    await shot("source");
    await page.goto("/notes");
    await expectKorean("notes page");
    await page.goto("/courses/layout-lab/5");
    await expectKorean("content error");
    await page.goto("/courses/layout-lab/7");
    await expectKorean("chapter not written yet");
    await page.goto("/courses/no-such-course");
    await expectKorean("not found");
    expect(visited).toHaveLength(23);
    expect(left).toEqual({});
  });

  test("shortcuts work on the physical key while the keyboard is in Korean mode, never while typing", async ({
    page,
  }) => {
    await openChapter(page, 22);
    await expect(page.locator("[data-keys-for='sheet:22']")).toBeVisible();

    // ㅜ is the N key in Dubeolsik: a new note opens.
    await pressKey(page, { code: "KeyN", key: "ㅜ" });
    const input = page.locator("[data-note-input]");
    await expect(input).toBeFocused();
    // Typing ㄴ (the S key) in the note, composing or not, does not leave for the source page.
    await pressKey(page, { code: "KeyS", key: "ㄴ" }, "[data-note-input]");
    await pressKey(page, { code: "KeyS", key: "ㄴ", isComposing: true }, "[data-note-input]");
    await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/22$`));
    await input.press("Escape");

    // A key event that belongs to an IME composition is never a shortcut, even outside a field.
    await pressKey(page, { code: "KeyS", key: "ㄴ", isComposing: true });
    await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/22$`));

    // ㅔ is P: print.
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute("data-printed", "yes");
    });
    await pressKey(page, { code: "KeyP", key: "ㅔ" });
    await expect(page.locator("html")).toHaveAttribute("data-printed", "yes");

    // ㄴ is S: the source page, and back.
    await pressKey(page, { code: "KeyS", key: "ㄴ" });
    await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/22/source$`));
    await expect(page.locator("[data-keys-for='source:22']")).toBeVisible();
    await pressKey(page, { code: "KeyS", key: "ㄴ" });
    await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/22$`));
  });

  test("a query typed with the Korean IME is searched when composition ends, not on every jamo", async ({ page }) => {
    await page.goto("/");
    const queries: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/search") queries.push(url.searchParams.get("q") ?? "");
    });
    await pressKey(page, { code: "KeyK", key: "ㅏ", ctrlKey: true });
    const field = page.locator("[data-search-palette] [role=combobox]");
    await expect(field).toBeFocused();

    // The browser's own IME path (compositionstart / update / end), driven through DevTools.
    const cdp = await page.context().newCDPSession(page);
    for (const step of ["ㅌ", "토", "톸", "토크", "토큰"]) {
      await cdp.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
      await expect(field).toHaveValue(step);
      // Longer than the search's debounce: a search on the half-built syllable would have gone out.
      await page.waitForTimeout(300);
    }
    expect(queries).toEqual([]);
    await cdp.send("Input.insertText", { text: "토큰" });
    await expect(field).toHaveValue("토큰");
    await expect(page.locator("[data-search-palette] .search-result").first()).toBeVisible();
    expect(queries).toEqual(["토큰"]);
  });
});
