import type { MermaidConfig } from "mermaid";

/** Mermaid drawn like the rest of the sheet: handwriting, pen-ink lines, marker colours. */
export const SHEET_FONT_STACK = '"Kalam", "Gaegu", "Noto Emoji", cursive';

const INK = "#2b2b2b";
const TEXT = "#1f2430";
/** The sheet's marker pens, lightest first: yellow, blue, pink, green, purple, orange. */
const MARKERS = ["#fff2a8", "#cfe8ff", "#ffd6e0", "#d6f5d6", "#e8dcff", "#ffe2c2"];
/** The same pens pressed harder: for slices, bars and lines that must stand apart. */
const STRONG_MARKERS = ["#ffe066", "#8ecbff", "#ff9fb8", "#9ee69e", "#c9b3ff", "#ffc285"];

/** cScale0…n, pie1…n and the like: one colour a step, cycling through the pens. */
function numbered(prefix: string, colors: string[], count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}${i}`, colors[i % colors.length] ?? INK]),
  );
}

const sheetThemeVariables = {
  fontFamily: SHEET_FONT_STACK,
  fontSize: "15px",
  background: "#fffdf6",
  primaryColor: MARKERS[0],
  primaryBorderColor: INK,
  primaryTextColor: TEXT,
  secondaryColor: MARKERS[1],
  secondaryBorderColor: INK,
  tertiaryColor: MARKERS[2],
  tertiaryBorderColor: INK,
  lineColor: INK,
  textColor: TEXT,
  mainBkg: "#fff6c7",
  nodeBorder: INK,
  clusterBkg: "#fbfbf5",
  clusterBorder: INK,
  edgeLabelBackground: "#fffdf6",
  noteBkgColor: "#fff0b3",
  noteBorderColor: INK,
  actorBkg: "#fff6c7",
  actorBorder: INK,
  signalColor: INK,
  labelBoxBkgColor: MARKERS[1],
  // Mind maps, timelines, kanban and journeys colour their branches from the cScale pens.
  ...numbered("cScale", MARKERS, 12),
  ...numbered("cScaleLabel", Array<string>(MARKERS.length).fill(TEXT), 12),
  ...numbered("pie", STRONG_MARKERS, 12),
  pieStrokeColor: INK,
  pieOuterStrokeColor: INK,
  pieSectionTextColor: TEXT,
  pieTitleTextSize: "18px",
  git0: STRONG_MARKERS[0],
  git1: STRONG_MARKERS[1],
  git2: STRONG_MARKERS[2],
  git3: STRONG_MARKERS[3],
  git4: STRONG_MARKERS[4],
  git5: STRONG_MARKERS[5],
  quadrant1Fill: MARKERS[3],
  quadrant2Fill: MARKERS[1],
  quadrant3Fill: MARKERS[0],
  quadrant4Fill: MARKERS[2],
  quadrantPointFill: INK,
  quadrantTitleFill: TEXT,
  xyChart: { plotColorPalette: STRONG_MARKERS.join(", "), titleColor: TEXT, backgroundColor: "transparent" },
  radar: { curveOpacity: 0.45 },
};

export const mermaidConfig: MermaidConfig = {
  startOnLoad: false,
  // Labels are sanitised and click handlers are off: a sheet (or a user's edit) never runs code.
  securityLevel: "strict",
  look: "handDrawn",
  handDrawnSeed: 7,
  theme: "base",
  fontFamily: SHEET_FONT_STACK,
  themeVariables: sheetThemeVariables,
  flowchart: { htmlLabels: true, padding: 10, nodeSpacing: 30, rankSpacing: 36 },
  mindmap: { padding: 8, maxNodeWidth: 160 },
  timeline: { taskFontFamily: SHEET_FONT_STACK, leftMargin: 40, width: 110, padding: 4 },
  journey: {
    taskFontFamily: SHEET_FONT_STACK,
    titleFontFamily: SHEET_FONT_STACK,
    leftMargin: 60,
    diagramMarginX: 10,
    width: 110,
  },
  gantt: { fontSize: 13, sectionFontSize: 13, barHeight: 22, axisFormat: "%-m/%-d" },
  kanban: { sectionWidth: 140 },
  c4: { diagramMarginX: 10, diagramMarginY: 10, c4ShapeMargin: 30, width: 170 },
};

/** The box a diagram is drawn into, in CSS pixels. */
export interface DiagramBox {
  width: number;
  height: number;
}

/**
 * Charts drawn on a fixed canvas (xy, quadrant, radar, sankey, gantt, …) are drawn at the size of
 * their cell instead, so their text is not shrunk with a canvas of the wrong shape. Never below
 * this, or there is no room left for the labels; larger cells simply scale the drawing up.
 */
export const MIN_CANVAS = { width: 320, height: 220 } as const;
const MAX_CANVAS = { width: 1000, height: 900 } as const;

function canvas(box: DiagramBox): DiagramBox {
  const clamp = (value: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, value)));
  return {
    width: clamp(box.width, MIN_CANVAS.width, MAX_CANVAS.width),
    height: clamp(box.height, MIN_CANVAS.height, MAX_CANVAS.height),
  };
}

/**
 * The configuration for one diagram of the given type (its first keyword, see describe.ts) drawn
 * into `box`. Types whose layout adapts to their content (flowcharts, sequences, …) get the sheet
 * theme as it is; the rest are sized to the box.
 */
export function configForBox(type: string, box: DiagramBox | null): MermaidConfig {
  if (!box || box.width <= 0 || box.height <= 0) return mermaidConfig;
  const { width, height } = canvas(box);
  const base = mermaidConfig;
  switch (type.replace(/-beta$/, "")) {
    case "xychart":
      return { ...base, xyChart: { width, height } };
    case "quadrantChart":
      return { ...base, quadrantChart: { chartWidth: width, chartHeight: height } };
    case "radar": {
      // A circle: as large as the shorter side allows, with room beside it for labels and legend.
      const side = Math.min(width, height);
      return {
        ...base,
        radar: { width: side, height: side, marginLeft: 70, marginRight: 90, marginTop: 40, marginBottom: 40 },
      };
    }
    case "sankey":
      return { ...base, sankey: { width, height } };
    case "gantt":
      return { ...base, gantt: { ...base.gantt, useWidth: width } };
    case "wardley":
      return { ...base, "wardley-beta": { width, height } };
    case "cynefin":
      return { ...base, cynefin: { width, height } };
    case "packet":
      return { ...base, packet: { bitWidth: Math.max(8, Math.floor(width / 32)) } };
    case "mindmap":
      return { ...base, themeVariables: { ...sheetThemeVariables, fontSize: "20px" } };
    default:
      return base;
  }
}
