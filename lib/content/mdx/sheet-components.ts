/**
 * The components a sheet may use. The component map in components/mdx implements exactly these
 * (its type is keyed by this list), and the content checker rejects anything else.
 */
export const SHEET_COMPONENTS = ["Section", "Box", "Columns", "Quote", "Highlight", "Term", "Card"] as const;
export type SheetComponentName = (typeof SHEET_COMPONENTS)[number];

/** Elements the remark plugins insert; authors never write them. */
export const GENERATED_COMPONENTS = ["SheetRow", "TitleBanner", "Mermaid"] as const;
export type GeneratedComponentName = (typeof GENERATED_COMPONENTS)[number];

/** Plain HTML that is harmless on a sheet. */
export const ALLOWED_HTML = ["br", "sub", "sup", "small", "kbd", "mark", "u", "s", "em", "strong", "b", "i", "code", "span"] as const;

export const HIGHLIGHT_COLORS = ["yellow", "pink", "green", "blue"] as const;
export const BOX_COLORS = ["yellow", "pink", "green", "blue", "purple", "orange", "gray"] as const;
