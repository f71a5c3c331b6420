import { describe, expect, it } from "vitest";
import { mermaidConfig } from "@/lib/mermaid/config";
import {
  flipDirection,
  parseRelayoutId,
  pickRelayout,
  relayoutCandidates,
  relayoutId,
  worthRelayout,
  type Relayout,
} from "@/lib/mermaid/relayout";

const BOX = { width: 240, height: 480 };

describe("relayout before shrinking", () => {
  it("turns a flowchart or a git graph the other way, keeping the rest of the source", () => {
    expect(flipDirection("flowchart LR\n  A --> B")).toEqual({ code: "flowchart TB\n  A --> B", direction: "TB" });
    expect(flipDirection("graph TD\n  A --> B")?.code).toBe("graph LR\n  A --> B");
    expect(flipDirection("%%{init: {}}%%\nflowchart\n  A --> B")?.code).toBe("%%{init: {}}%%\nflowchart LR\n  A --> B");
    expect(flipDirection("gitGraph\n  commit")?.code).toBe("gitGraph TB:\n  commit");
    expect(flipDirection("gitGraph TB:\n  commit")?.code).toBe("gitGraph LR:\n  commit");
    // flowchart-elk is another type: left alone.
    expect(flipDirection("flowchart-elk TD\n  A --> B")).toBeNull();
  });

  it("gives state, class and ER diagrams a direction statement, or turns theirs", () => {
    expect(flipDirection("stateDiagram-v2\n  [*] --> A")?.code).toBe("stateDiagram-v2\n  direction LR\n  [*] --> A");
    expect(flipDirection("classDiagram\n  direction RL\n  A <|-- B")?.code).toBe(
      "classDiagram\n  direction TB\n  A <|-- B",
    );
    expect(flipDirection("erDiagram\n  A ||--o{ B : has")?.direction).toBe("LR");
    expect(flipDirection('pie\n  "A" : 1')).toBeNull();
  });

  it("offers each type the layouts it allows, larger text last", () => {
    const kinds = (type: string, code: string) =>
      relayoutCandidates(type, code, mermaidConfig, BOX).map((candidate) => relayoutId(candidate.relayout));
    expect(kinds("flowchart", "flowchart LR\n  A --> B")).toEqual(["direction:TB", "largerText:20"]);
    expect(kinds("C4Context", 'C4Context\n  Person(a, "A")')).toEqual([
      "shapesPerRow:3",
      "shapesPerRow:2",
      "shapesPerRow:1",
      "largerText:20",
    ]);
    expect(kinds("packet-beta", 'packet-beta\n  0-15: "Port"')).toEqual(["bitsPerRow:16", "largerText:20"]);
    const [c4] = relayoutCandidates("C4Context", 'C4Context\n  Person(a, "A")\n', mermaidConfig, BOX);
    expect(c4?.code).toBe(
      'C4Context\n  Person(a, "A")\n  UpdateLayoutConfig($c4ShapeInRow="3", $c4BoundaryInRow="1")\n',
    );
    const [packet] = relayoutCandidates("packet-beta", "packet-beta", mermaidConfig, BOX);
    expect(packet?.config.packet).toMatchObject({ bitsPerRow: 16, bitWidth: 15 });
    const larger = relayoutCandidates("pie", "pie", mermaidConfig, BOX).at(-1);
    expect(larger?.config.themeVariables).toMatchObject({ fontSize: "20px", fontFamily: mermaidConfig.fontFamily });
  });

  it("tries other layouts for text under 6 pt, labels over each other, or a drawing lost in its cell", () => {
    const fit = { pt: 8, fill: 0.8, atMaxScale: false, overlaps: false };
    expect(worthRelayout(fit)).toBe(false);
    expect(worthRelayout({ ...fit, pt: 5.9 })).toBe(true);
    expect(worthRelayout({ ...fit, overlaps: true })).toBe(true);
    expect(worthRelayout({ ...fit, fill: 0.2 })).toBe(true);
    // Small in its cell but already at its largest: nothing to gain.
    expect(worthRelayout({ ...fit, fill: 0.2, atMaxScale: true })).toBe(false);
    expect(worthRelayout({ ...fit, pt: null })).toBe(false);
  });

  it("keeps the variant with the largest smallest-text, legible and apart first, and the author's on a small gain", () => {
    const apart = (id: string, pt: number | null) => ({ id, pt, overlaps: false });
    const original = { pt: 3.5, overlaps: false };
    expect(pickRelayout(original, [apart("a", 4.8), apart("b", 6.2), apart("c", 6.2)])?.id).toBe("b");
    expect(pickRelayout(original, [apart("a", 3.7)])).toBeNull();
    expect(pickRelayout(original, [apart("a", null)])).toBeNull();
    expect(pickRelayout(original, [])).toBeNull();
    // Labels running together lose to labels apart, even when larger.
    expect(pickRelayout({ pt: 7.6, overlaps: true }, [{ id: "x", pt: 9, overlaps: true }, apart("y", 6.5)])?.id).toBe(
      "y",
    );
    // A legible original is not given up for a larger but overlapping variant.
    expect(pickRelayout({ pt: 7, overlaps: false }, [{ id: "x", pt: 9, overlaps: true }])).toBeNull();
  });

  it("reads back the ids the sheet writes", () => {
    const relayouts: Relayout[] = [
      { kind: "direction", direction: "LR" },
      { kind: "shapesPerRow", count: 2 },
      { kind: "bitsPerRow", count: 16 },
      { kind: "largerText", px: 20 },
    ];
    for (const relayout of relayouts) expect(parseRelayoutId(relayoutId(relayout))).toEqual(relayout);
    expect(parseRelayoutId("direction:up")).toBeNull();
    expect(parseRelayoutId("spin:3")).toBeNull();
  });
});
