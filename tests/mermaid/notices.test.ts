import { describe, expect, it } from "vitest";
import { diagramNotices, forkJoinLabels } from "@/lib/mermaid/notices";
import { readIconPack } from "@/lib/mermaid/icon-pack-files";

describe("diagram notices", () => {
  it("names a labelled fork/join bar and its line, since Mermaid draws the bar alone", () => {
    const code = [
      "flowchart TD",
      '  A[Start] --> F@{ shape: fork, label: "Fork or Join" }',
      "  F --> B[Brew]",
      '  B --> J@{ shape: join, label: "Join" }',
      '  J --> D@{ shape: circle, label: "Breakfast" }',
      "  K@{ shape: fork }",
    ].join("\n");
    expect(forkJoinLabels(code)).toEqual([
      {
        line: 2,
        message:
          'fork/join bars draw no label: node F "Fork or Join" (line 2) is drawn as a bare fork bar: put the words on an edge or a node beside it',
        said: { key: "forkJoin", node: "F", label: "Fork or Join", line: 2, shape: "fork" },
      },
      {
        line: 4,
        message:
          'fork/join bars draw no label: node J "Join" (line 4) is drawn as a bare join bar: put the words on an edge or a node beside it',
        said: { key: "forkJoin", node: "J", label: "Join", line: 4, shape: "join" },
      },
    ]);
  });

  it("gathers fork/join labels and icons no pack has, and nothing for a clean diagram", async () => {
    const notices = await diagramNotices(
      'flowchart LR\n  F@{ shape: fork, label: "Split" }\n  U@{ icon: "fa:no-such-glyph", label: "User" }',
      readIconPack,
    );
    expect(notices.map((notice) => notice.line)).toEqual([2, undefined]);
    expect(notices[1]?.message).toContain('icon "fa:no-such-glyph" is not in the fa pack');
    // What the cell says in the interface language.
    expect(notices[1]?.said).toEqual({ key: "notInPack", icon: "fa:no-such-glyph", pack: "fa" });
    expect(await diagramNotices("flowchart LR\n  A --> B", readIconPack)).toEqual([]);
  });
});
