"use client";

import { useTranslations } from "next-intl";
import { failureKind, type FailureKind } from "@/lib/api/failure-kind";

/** (status) → a short reason in the interface language: "the server could not be reached", "서버에 연결할 수 없습니다". */
export function useApiErrorText(): (status: number | null) => string {
  const t = useTranslations("errors.api");
  return (status) => {
    const texts: Record<FailureKind, () => string> = {
      unreachable: () => t("unreachable"),
      invalid: () => t("invalid"),
      forbidden: () => t("forbidden"),
      notFound: () => t("notFound"),
      conflict: () => t("conflict"),
      tooLarge: () => t("tooLarge"),
      notJson: () => t("notJson"),
      contentErrors: () => t("contentErrors"),
      unavailable: () => t("unavailable"),
      timeout: () => t("timeout"),
      server: () => t("server", { status: status ?? 0 }),
      other: () => t("other", { status: status ?? 0 }),
    };
    return texts[failureKind(status)]();
  };
}
