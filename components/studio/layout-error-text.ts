"use client";

import { useTranslations } from "next-intl";
import type { LayoutRewriteCode, LayoutRewriteError } from "@/lib/studio/layout-rewrite";

/** A refused layout drag, said in the interface language from its code and values. */
export function useLayoutErrorText(): (error: LayoutRewriteError) => string {
  const t = useTranslations("studio.layoutErrors");
  return ({ code, values }) => {
    const texts: Record<LayoutRewriteCode, () => string> = {
      noFrontmatter: () => t("noFrontmatter"),
      badYaml: () => t("badYaml", values),
      noLayout: () => t("noLayout"),
      heightNotNumber: () => t("heightNotNumber", values),
      widthNotNumber: () => t("widthNotNumber", values),
      heightsNotWhole: () => t("heightsNotWhole"),
      widthsNotWhole: () => t("widthsNotWhole", values),
      heightsSum: () => t("heightsSum", values),
      widthsSum: () => t("widthsSum", values),
      rowCount: () => t("rowCount", values),
      rowNotMap: () => t("rowNotMap", values),
      noRow: () => t("noRow", values),
      sectionCount: () => t("sectionCount", values),
      sectionNotIdOrMap: () => t("sectionNotIdOrMap", values),
      notInText: () => t("notInText"),
      listEmpty: () => t("listEmpty"),
      flowLayout: () => t("flowLayout"),
      noSection: () => t("noSection", values),
      oneSection: () => t("oneSection", values),
      lastRow: () => t("lastRow"),
      tooManyRows: () => t("tooManyRows", values),
      tooManySections: () => t("tooManySections", values),
      alreadyPlaced: () => t("alreadyPlaced", values),
      noTallRow: () => t("noTallRow", values),
    };
    return texts[code]();
  };
}
