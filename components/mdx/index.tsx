import type { MDXComponents } from "mdx/types";
import { MermaidDiagram } from "@/components/mermaid/MermaidDiagram";
import { Section } from "@/components/sheet/Section";
import { SheetRow } from "@/components/sheet/SheetRow";
import { TitleBanner, type TitleBannerProps } from "@/components/sheet/TitleBanner";
import type { GeneratedComponentName, SheetComponentName } from "@/lib/content/mdx/sheet-components";
import { Box, Card, Columns, Highlight, Quote, Term } from "./sheet-parts";

/**
 * The one MDX component map: every component a sheet may use (keyed by the list the checker
 * enforces, so the two cannot drift apart) plus the ones the remark plugins generate.
 */
export function sheetComponents(banner: Omit<TitleBannerProps, "width">): MDXComponents {
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
  return components as MDXComponents;
}
