"use client";

import { useTranslations } from "next-intl";
import type { AuthoringCode, RefusalValues } from "@/lib/authoring/refusals";

/** (code, values) → what authoring refused, in the interface language (the server's English stays in its `error`). */
export function useRefusalText(): (code: AuthoringCode, values?: RefusalValues) => string {
  const t = useTranslations("authoring.refusals");
  return (code, values = {}) => t(code, values);
}
