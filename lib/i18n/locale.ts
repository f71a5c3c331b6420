/**
 * The interface languages and how one is chosen for a request: the browser's remembered choice
 * (cookie set by the header's switch), else the first language of Accept-Language we speak,
 * else English. No locale in URLs: a sheet's address is the same in every language.
 */
export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];
const DEFAULT_LOCALE: Locale = "en";
/** next-intl's own cookie name, so its tooling recognises it. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** A year: the choice is remembered per browser until changed. */
const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600;

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best supported language of an Accept-Language header ("ko-KR,ko;q=0.9,en;q=0.8" → ko). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=(.*)$/.exec(param)?.[1]).find((value) => value !== undefined);
      // A malformed weight makes the entry worthless rather than top-ranked.
      const quality = q === undefined ? 1 : /^\s*[01](\.\d{0,3})?\s*$/.test(q) ? Number(q) : 0;
      return { base: tag.trim().toLowerCase().split("-")[0] ?? "", quality, order };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked.map((entry) => entry.base).find(isLocale) ?? DEFAULT_LOCALE;
}

/** The cookie wins when it names a language we speak; a stale or forged value falls back. */
export function chooseLocale(request: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  return isLocale(request.cookie) ? request.cookie : localeFromAcceptLanguage(request.acceptLanguage);
}

/** The Set-Cookie value the language switch writes in the browser. */
export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
}

/** Remembers the choice in this browser (the language switch, before it reloads the page). */
export function rememberLocale(document: Document, locale: Locale): void {
  document.cookie = localeCookie(locale);
}
