import type { AppFormats } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";

// Typed next-intl: t("a.key") that English lacks, an unknown format or a wrong locale fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: AppFormats;
  }
}
