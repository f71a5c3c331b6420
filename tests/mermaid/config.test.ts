import { describe, expect, it } from "vitest";
import { configForBox, MIN_CANVAS, mermaidConfig } from "@/lib/mermaid/config";
import { accessibleName, diagramType } from "@/lib/mermaid/describe";
import { mermaidErrorLine, mermaidErrorSummary } from "@/lib/mermaid/errors";

describe("configForBox", () => {
  it("keeps the sheet's theme, security and hand-drawn look for every type", () => {
    for (const type of ["flowchart", "xychart-beta", "quadrantChart", "mindmap", "gantt", "unknown"]) {
      const config = configForBox(type, { width: 400, height: 300 });
      expect(config.securityLevel).toBe("strict");
      expect(config.look).toBe("handDrawn");
      expect(config.fontFamily).toContain("Kalam");
    }
  });

  it("draws fixed-canvas charts at the size of their cell", () => {
    expect(configForBox("xychart-beta", { width: 420, height: 310 }).xyChart).toMatchObject({
      width: 420,
      height: 310,
    });
    expect(configForBox("quadrantChart", { width: 500, height: 350 }).quadrantChart).toMatchObject({
      chartWidth: 500,
      chartHeight: 350,
    });
    expect(configForBox("sankey-beta", { width: 380, height: 260 }).sankey).toMatchObject({ width: 380, height: 260 });
    expect(configForBox("gantt", { width: 640, height: 200 }).gantt).toMatchObject({
      useWidth: 640,
      axisFormat: "%-m/%-d",
    });
    expect(configForBox("wardley-beta", { width: 450, height: 330 })["wardley-beta"]).toMatchObject({
      width: 450,
      height: 330,
    });
  });

  it("never draws a chart smaller than its labels need", () => {
    expect(configForBox("xychart", { width: 90, height: 40 }).xyChart).toMatchObject(MIN_CANVAS);
  });

  it("leaves layout-driven diagrams (and unknown boxes) to the theme", () => {
    expect(configForBox("flowchart", { width: 400, height: 300 })).toBe(mermaidConfig);
    expect(configForBox("xychart", null)).toBe(mermaidConfig);
  });
});

describe("describe", () => {
  it("reads the type past front matter and directives", () => {
    expect(diagramType("---\ntitle: Flow\n---\nflowchart LR\n  A --> B")).toBe("flowchart");
    expect(diagramType('%%{init: {"theme": "dark"}}%%\nsequenceDiagram\n  A->>B: hi')).toBe("sequenceDiagram");
    expect(diagramType("  radar-beta\n  axis a")).toBe("radar-beta");
  });

  it("names a diagram by its title, or its type and first labels", () => {
    expect(accessibleName('pie title Tokens by source\n  "Web" : 60')).toBe("Pie chart: Tokens by source");
    expect(accessibleName('flowchart LR\n  A["Prompt"] --> B["Model"]')).toBe("Flowchart: Prompt, Model…");
    expect(accessibleName('treemap-beta\n"Data"\n    "Web": 60')).toMatch(/^Treemap/);
    expect(accessibleName("wardley-beta\ntitle Chat app")).toBe("Wardley map: Chat app");
  });
});

describe("Mermaid error messages", () => {
  it("finds the line and keeps a short summary", () => {
    const jison = "Parse error on line 3:\n...B --> C{{x]\n-----^\nExpecting 'TEXT', got 'SQE'";
    expect(mermaidErrorLine(jison)).toBe(3);
    expect(mermaidErrorSummary(jison)).toBe(
      "Parse error on line 3: | ...B --> C{{x] | -----^ | Expecting 'TEXT', got 'SQE'",
    );
    expect(mermaidErrorLine("Parsing failed: Parse error on line 2, column 7: Expecting ':'")).toBe(2);
    expect(mermaidErrorLine("There can be only one root")).toBeUndefined();
  });
});
