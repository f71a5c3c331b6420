"use client";

import { useTranslations } from "next-intl";
import { failureKind, type FailureKind } from "@/lib/api/failure-kind";

/**
 * A failed API call, by its HTTP status (null: no answer at all). The server's `{ error }` text is
 * English for scripts and logs; what the user reads is said from the status in their language.
 */
export class ApiStatusError extends Error {
  constructor(
    readonly status: number | null,
    detail: string,
  ) {
    super(detail);
  }
}

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
