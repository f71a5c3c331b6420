import type { SourcePage } from "@/lib/content/source";
import { SourceMarkdown } from "./SourceMarkdown";
import { Transcript, anchoredLines } from "./Transcript";

/** A source page's summary and transcript (every timestamp a link), on the source page and in the studio. */
export function SourceBody({
  course,
  chapter,
  source,
  sourceUrl,
}: {
  course: string;
  chapter: number;
  source: SourcePage;
  sourceUrl: string;
}) {
  const anchored = anchoredLines(source.transcript);
  return (
    <article className="source-body">
      {source.blocks.map((block, index) =>
        block.kind === "markdown" ? (
          <SourceMarkdown key={index} text={block.text} />
        ) : (
          <Transcript
            key={index}
            course={course}
            chapter={chapter}
            lines={block.lines}
            sourceUrl={sourceUrl}
            anchored={anchored}
          />
        ),
      )}
    </article>
  );
}
