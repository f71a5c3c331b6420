import { describe, expect, it } from "vitest";
import { chooseLocale, localeCookie, localeFromAcceptLanguage } from "@/lib/i18n/locale";

describe("localeFromAcceptLanguage", () => {
  it("speaks Korean to a browser that prefers it, English otherwise", () => {
    expect(localeFromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8")).toBe("ko");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,de;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });

  it("ranks by quality, then by order, and skips refused languages", () => {
    expect(localeFromAcceptLanguage("en;q=0.5, ko")).toBe("ko");
    expect(localeFromAcceptLanguage("fr, en;q=0.7, ko;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("ko;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("*;q=0.5, ko;q=nonsense")).toBe("en");
  });
});

describe("chooseLocale", () => {
  it("lets the remembered choice win over the browser", () => {
    expect(chooseLocale({ cookie: "en", acceptLanguage: "ko-KR" })).toBe("en");
    expect(chooseLocale({ cookie: "ko", acceptLanguage: "en-US" })).toBe("ko");
  });

  it("ignores a cookie naming a language we do not speak", () => {
    expect(chooseLocale({ cookie: "xx", acceptLanguage: "ko" })).toBe("ko");
    expect(chooseLocale({ cookie: "<script>", acceptLanguage: undefined })).toBe("en");
  });

  it("writes a cookie for the whole site that lasts", () => {
    expect(localeCookie("ko")).toBe("NEXT_LOCALE=ko; path=/; max-age=31536000; samesite=lax");
  });
});
