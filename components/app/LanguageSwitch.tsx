"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES, localeCookie, type Locale } from "@/lib/i18n/locale";

/** 한국어 / English in the header: remembered in a cookie for this browser, applied by a refresh. */
export function LanguageSwitch() {
  const t = useTranslations("app.language");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const names: Record<Locale, string> = { ko: t("ko"), en: t("en") };

  const choose = (locale: Locale) => {
    if (locale === current) return;
    document.cookie = localeCookie(locale);
    startTransition(() => router.refresh());
  };

  return (
    <div className="language-switch" role="group" aria-label={t("label")} aria-busy={pending} data-language-switch>
      {LOCALES.map((locale) => (
        <button key={locale} type="button" lang={locale} aria-pressed={locale === current} onClick={() => choose(locale)} data-locale={locale}>
          {names[locale]}
        </button>
      ))}
    </div>
  );
}
