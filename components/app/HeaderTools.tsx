"use client";

import { useTranslations } from "next-intl";
import { LanguageSwitch } from "./LanguageSwitch";
import { useShortcutRunner } from "./ShortcutProvider";

/** The header's search box look-alike (opens the palette), the shortcuts button and the language switch. */
export function HeaderTools() {
  const t = useTranslations("app.header");
  const run = useShortcutRunner();
  return (
    <div className="header-tools">
      <button
        type="button"
        className="header-search"
        onClick={() => run("search")}
        aria-label={t("search")}
        aria-keyshortcuts="Control+K /"
        data-open-search
      >
        <span aria-hidden="true">🔍</span>
        <span className="header-search-label">{t("search")}</span>
        <kbd aria-hidden="true">Ctrl K</kbd>
      </button>
      <button
        type="button"
        className="btn header-help"
        onClick={() => run("help")}
        aria-label={t("shortcuts")}
        aria-keyshortcuts="?"
        title={t("shortcutsTitle")}
      >
        ?
      </button>
      <LanguageSwitch />
    </div>
  );
}
