/** Elements the remark plugins insert; authors never write them. */
export const GENERATED_COMPONENTS = ["SheetRow", "TitleBanner", "Mermaid"] as const;
export type GeneratedComponentName = (typeof GENERATED_COMPONENTS)[number];

export const HIGHLIGHT_COLORS = ["yellow", "pink", "green", "blue"] as const;
export const BOX_COLORS = ["yellow", "pink", "green", "blue", "purple", "orange", "gray"] as const;
