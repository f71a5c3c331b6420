"use client";

import { useTranslations } from "next-intl";
import type { NoticeSaid } from "@/lib/mermaid/notices";

/** A diagram's notice (a fork/join label, a missing icon), said in the interface language. */
export function useNoticeText(): (said: NoticeSaid) => string {
  const t = useTranslations("diagrams.notice");
  return (said) => {
    switch (said.key) {
      case "forkJoin":
        return t("forkJoin", { node: said.node, label: said.label, line: said.line, shape: said.shape });
      case "noPack":
        return t("noPack", { icon: said.icon, pack: said.pack });
      case "notInPack":
        return t("notInPack", { icon: said.icon, pack: said.pack });
      case "labelsOverlap":
        return t("labelsOverlap");
    }
  };
}
