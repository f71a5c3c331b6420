import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProblemList } from "@/components/authoring/ProblemList";
import type { AuthoringError } from "@/components/authoring/problems";
import { parseChapterMarkers } from "@/lib/authoring/chapter-markers";
import { AUTHORING_CODES, refusalResponse } from "@/lib/authoring/refusals";
import type { Locale } from "@/lib/i18n/locale";
import { messagesFor } from "@/lib/i18n/messages";

function markup(locale: Locale, failure: AuthoringError): string {
  const list = createElement(ProblemList, { failure });
  return renderToStaticMarkup(
    // The provider's props type requires children, so they go in the props (a .ts file has no JSX).
    // eslint-disable-next-line react/no-children-prop
    createElement(NextIntlClientProvider, { locale, messages: messagesFor(locale), timeZone: "UTC", children: list }),
  );
}

/** The text a reader sees. */
function shown(locale: Locale, failure: AuthoringError): string {
  return markup(locale, failure)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

describe("authoring refusals in the interface language", () => {
  const markers = parseChapterMarkers("0:00 Intro\n시간 없는 줄");
  const problems = markers.ok ? [] : markers.problems.map((problem) => ({ ...problem, field: "markers" }));

  it("says a coded refusal and its lines in Korean, the values as given", () => {
    const text = shown("ko", { code: "linesUnreadable", error: "some lines could not be read", problems, status: 400 });
    expect(text).toContain("읽을 수 없는 줄이 있습니다. 아무것도 쓰지 않았습니다.");
    expect(text).toContain("챕터 목록 2번째 줄: “시간 없는 줄”: 0:00이나 1:02:03 같은 시간으로 시작하지 않습니다");
    expect(text).not.toContain("could not be read");
  });

  it("says the same in English, in the words the API's error gives", () => {
    const text = shown("en", { code: "linesUnreadable", error: "some lines could not be read", problems, status: 400 });
    expect(text).toContain("Some lines could not be read; nothing was written.");
    expect(text).toContain("markers line 2: “시간 없는 줄” does not start with a time like 0:00 or 1:02:03");
  });

  it("gives an uncoded refusal's reason by its status, the server's English kept apart as content", () => {
    const html = markup("ko", { error: "markers: Too big", status: 413 });
    expect(html).toContain("거절되었습니다: ");
    expect(html).toMatch(/<p class="api-error-detail" translate="no">markers: Too big<\/p>/);
  });

  it("answers a refusal as JSON with its code, values and the English error", async () => {
    const response = refusalResponse({
      status: 409,
      code: "sheetExists",
      values: { chapter: 3 },
      error: "chapter 3 …",
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      code: "sheetExists",
      values: { chapter: 3 },
      error: "chapter 3 …",
      problems: [],
    });
    expect(AUTHORING_CODES).toContain("sheetExists");
  });
});
