"use client";

import { useTranslations } from "next-intl";

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

/** (status) → a short reason in the interface language: "the server could not be reached", "너무 큽니다". */
export function useApiErrorText(): (status: number | null) => string {
  const t = useTranslations("errors.api");
  return (status) => {
    if (status === null || status === 0) return t("unreachable");
    if (status === 400) return t("invalid");
    if (status === 403) return t("forbidden");
    if (status === 404) return t("notFound");
    if (status === 409) return t("conflict");
    if (status === 413) return t("tooLarge");
    if (status === 415) return t("notJson");
    if (status === 422) return t("contentErrors");
    if (status === 503) return t("unavailable");
    if (status === 504) return t("timeout");
    if (status >= 500) return t("server", { status });
    return t("other", { status });
  };
}
