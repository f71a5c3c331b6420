import { expect } from "vitest";

/** A sheet whose layout mixes flow and block rows, comments and quoting. */
export const SHEET = `---
chapter: 6
title: "Inference" # the video's own title
titleKr: '추론'
layout:
  # rows, top to bottom
  - { height: 10, sections: [title] }
  - { height: 25, sections: [what-is-inference, { id: coin-flip }] }
  - height: 45
    sections:
      - generation
  - { height: 20, sections: [{ id: a, width: 60 }, { id: b, width: 40 }] } # last row
---

<Section id="what-is-inference" icon="🎲" title="WHAT">
- body
</Section>
`;

/** The 1-based lines that differ (the line count must not change). */
export function changedLines(before: string, after: string): number[] {
  const a = before.split("\n");
  const b = after.split("\n");
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}
