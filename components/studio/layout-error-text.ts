"use client";

import { useTranslations } from "next-intl";
import type { LayoutRewriteError } from "@/lib/studio/layout-rewrite";

/** A refused layout drag, said in the interface language from its code and values. */
export function useLayoutErrorText(): (error: LayoutRewriteError) => string {
  const t = useTranslations("studio.layoutErrors");
  return ({ code, values }) => t(code, values);
}
