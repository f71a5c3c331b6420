import type { Components } from "hast-util-to-jsx-runtime";
import { MermaidDiagram } from "@/components/mermaid/MermaidDiagram";
import { Section } from "@/components/sheet/Section";
import { SheetRow } from "@/components/sheet/SheetRow";
import { TitleBanner, type TitleBannerProps } from "@/components/sheet/TitleBanner";
import type { SheetComponentName } from "@/lib/content/mdx/component-props";
import type { GeneratedComponentName } from "@/lib/content/mdx/sheet-components";
import { Box, Card, Columns, Highlight, Quote, SheetLink, Term } from "./sheet-parts";

/**
 * The one component map of a sheet: every component a sheet may use (keyed by the props schemas the
 * checker enforces, so the two cannot drift apart), the ones the remark plugins generate, and the
 * links of its markdown.
 */
export function sheetComponents(banner: Omit<TitleBannerProps, "width">): Partial<Components> {
  const components = {
    Section,
    Box,
    Columns,
    Quote,
    Highlight,
    Term,
    Card,
    SheetRow,
    Mermaid: MermaidDiagram,
    TitleBanner: ({ width }: { width?: string }) => <TitleBanner {...banner} width={width} />,
  } satisfies Record<SheetComponentName | GeneratedComponentName, unknown>;
  return { ...components, a: SheetLink };
}
