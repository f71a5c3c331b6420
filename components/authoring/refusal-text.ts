"use client";

import { useTranslations } from "next-intl";
import type { AuthoringCode, RefusalValues } from "@/lib/authoring/refusals";

/** (code, values) → what authoring refused, in the interface language (the server's English stays in its `error`). */
export function useRefusalText(): (code: AuthoringCode, values?: RefusalValues) => string {
  const t = useTranslations("authoring.refusals");
  return (code, values = {}) => {
    const texts: Record<AuthoringCode, () => string> = {
      courseExists: () => t("courseExists", values),
      linesUnreadable: () => t("linesUnreadable"),
      courseContentCheck: () => t("courseContentCheck"),
      noCourse: () => t("noCourse", values),
      courseContentErrors: () => t("courseContentErrors", values),
      chapterNotListed: () => t("chapterNotListed", values),
      sheetExists: () => t("sheetExists", values),
      sheetContentCheck: () => t("sheetContentCheck"),
      requestUnreadable: () => t("requestUnreadable"),
      chapterNumber: () => t("chapterNumber"),
      notUtf8: () => t("notUtf8"),
      packRefused: () => t("packRefused"),
      packInstalled: () => t("packInstalled", values),
      markerNoTime: () => t("markerNoTime", values),
      markerNoTitle: () => t("markerNoTitle", values),
      markerNotLater: () => t("markerNotLater", values),
      markersEmpty: () => t("markersEmpty"),
      markersTooMany: () => t("markersTooMany", values),
      transcriptBadTime: () => t("transcriptBadTime", values),
      transcriptNoStamp: () => t("transcriptNoStamp"),
      requestNoSource: () => t("requestNoSource"),
      requestNoFrontmatter: () => t("requestNoFrontmatter"),
      requestFrontmatterOpen: () => t("requestFrontmatterOpen"),
      requestFrontmatterYaml: () => t("requestFrontmatterYaml", values),
      requestFrontmatterField: () => t("requestFrontmatterField", values),
      requestNoDrawing: () => t("requestNoDrawing"),
      requestNoTable: () => t("requestNoTable"),
      requestTableEmpty: () => t("requestTableEmpty"),
      requestRowsMismatch: () => t("requestRowsMismatch", values),
      requestShareSum: () => t("requestShareSum", values),
      requestRowNoBox: () => t("requestRowNoBox"),
      requestSplitMismatch: () => t("requestSplitMismatch", values),
    };
    return texts[code]();
  };
}
