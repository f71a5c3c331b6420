"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { LOCALES, rememberLocale, type Locale } from "@/lib/i18n/locale";

/**
 * 한국어 / English in the header: remembered in a cookie for this browser, applied by reloading the
 * page (every server-rendered string, <html lang> and the document title change at once; a soft
 * router refresh could leave a page half in the old language). Unsaved notes live in the browser's
 * outbox, so a reload loses nothing.
 */
export function LanguageSwitch() {
  const t = useTranslations("app.language");
  const current = useLocale();
  const [pending, setPending] = useState(false);
  const names: Record<Locale, string> = { ko: t("ko"), en: t("en") };

  const choose = (locale: Locale) => {
    if (locale === current) return;
    rememberLocale(document, locale);
    setPending(true);
    window.location.reload();
  };

  return (
    <div className="language-switch" role="group" aria-label={t("label")} aria-busy={pending} data-language-switch>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => choose(locale)}
          data-locale={locale}
        >
          {names[locale]}
        </button>
      ))}
    </div>
  );
}
