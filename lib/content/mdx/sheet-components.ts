/** Elements the remark plugins insert; authors never write them. */
export type GeneratedComponentName = "SheetRow" | "TitleBanner" | "Mermaid";

export const HIGHLIGHT_COLORS = ["yellow", "pink", "green", "blue"] as const;
export const BOX_COLORS = ["yellow", "pink", "green", "blue", "purple", "orange", "gray"] as const;
