import type { MermaidConfig } from "mermaid";

/** Mermaid drawn like the rest of the sheet: handwriting, pen-ink lines, marker colours. */
export const SHEET_FONT_STACK = '"Kalam", "Gaegu", "Noto Emoji", cursive';

export const mermaidConfig: MermaidConfig = {
  startOnLoad: false,
  securityLevel: "strict",
  look: "handDrawn",
  handDrawnSeed: 7,
  theme: "base",
  fontFamily: SHEET_FONT_STACK,
  themeVariables: {
    fontFamily: SHEET_FONT_STACK,
    fontSize: "15px",
    primaryColor: "#fff6c7",
    primaryBorderColor: "#2b2b2b",
    primaryTextColor: "#1f2430",
    secondaryColor: "#dff1ff",
    tertiaryColor: "#ffe3ec",
    lineColor: "#2b2b2b",
    textColor: "#1f2430",
    mainBkg: "#fff6c7",
    nodeBorder: "#2b2b2b",
    clusterBkg: "#fbfbf5",
    edgeLabelBackground: "#fffdf6",
    noteBkgColor: "#fff0b3",
    cScale0: "#fff2a8",
    cScale1: "#cfe8ff",
    cScale2: "#ffd6e0",
    cScale3: "#d6f5d6",
    cScale4: "#e8dcff",
    cScale5: "#ffe2c2",
    pie1: "#ffe066",
    pie2: "#8ecbff",
    pie3: "#ff9fb8",
    pie4: "#9ee69e",
    pie5: "#c9b3ff",
  },
  flowchart: { htmlLabels: true, padding: 10, nodeSpacing: 30, rankSpacing: 36 },
  mindmap: { padding: 8 },
};
