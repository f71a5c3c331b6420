"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import type { ShortcutId } from "@/lib/keyboard/shortcuts";
import { LanguageSwitch } from "./LanguageSwitch";
import { useShortcutRunner } from "./ShortcutProvider";

/** The header's search box look-alike (opens the palette), the shortcuts button and the language switch. */
export function HeaderTools() {
  const t = useTranslations("app.header");
  return (
    <div className="header-tools">
      <ShortcutButton action="search" keys="Control+K /" className="header-search" data-open-search>
        <span aria-hidden="true">🔍</span>
        <span className="header-search-label">{t("search")}</span>
        <kbd aria-hidden="true">Ctrl K</kbd>
      </ShortcutButton>
      <ShortcutButton
        action="help"
        keys="?"
        className="btn header-help"
        aria-label={t("shortcuts")}
        title={t("shortcutsTitle")}
      >
        ?
      </ShortcutButton>
      <LanguageSwitch />
    </div>
  );
}

/** A button that runs a keyboard shortcut's action and tells assistive technology its keys. */
function ShortcutButton({
  action,
  keys,
  ...props
}: { action: ShortcutId; keys: string } & Omit<ComponentProps<"button">, "type" | "onClick" | "aria-keyshortcuts">) {
  const run = useShortcutRunner();
  return <button type="button" onClick={() => run(action)} aria-keyshortcuts={keys} {...props} />;
}
