import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import type { Locale } from "./locale";

/** English is the reference: its shape types every key (see global.d.ts); ko must match it (tests/i18n). */
export type Messages = typeof en;

const MESSAGES: Record<Locale, Messages> = { en, ko };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}
