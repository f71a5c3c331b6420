/**
 * The source of a chapter-1 sheet with one full-page section, `a`: `body` starts at line 10, where
 * the tests expect the errors it causes.
 */
export function oneSectionSheet(body: string, title = "T"): string {
  return `---
chapter: 1
title: "${title}"
layout:
  - { height: 100, sections: [a] }
---

<Section id="a" icon="🅰️" title="A">

${body}

</Section>
`;
}
