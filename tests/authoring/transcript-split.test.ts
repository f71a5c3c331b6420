import { describe, expect, it } from "vitest";
import { buildCourseFiles } from "@/lib/authoring/course-files";
import { splitTranscript } from "@/lib/authoring/transcript-split";
import { parseSource } from "@/lib/content/source";

const chapters = [
  { number: 1, startSeconds: 0 },
  { number: 2, startSeconds: 60 },
  { number: 3, startSeconds: 3600 },
];

describe("splitTranscript", () => {
  it("gives each stamped line to the chapter running at its time, verbatim, continuations included", () => {
    const text = "[0:00] hello\n[0:59] still one\n  continued line\n[1:00] two starts\n[1:00:00] three\n";
    const result = splitTranscript(text, chapters);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.parts.get(1)).toEqual(["[0:00] hello", "[0:59] still one", "  continued line"]);
    expect(result.parts.get(2)).toEqual(["[1:00] two starts"]);
    expect(result.parts.get(3)).toEqual(["[1:00:00] three"]);
  });

  it("reports text before the first stamp and stamps that are not times, by line", () => {
    const result = splitTranscript("intro without stamp\n[0:00] ok\n[1:99] bad", chapters);
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 1, code: "transcriptNoStamp", message: expect.stringContaining("starts with a timestamp") },
        {
          line: 3,
          code: "transcriptBadTime",
          values: { stamp: "1:99" },
          message: expect.stringContaining("not a time"),
        },
      ],
    });
  });
});

describe("buildCourseFiles", () => {
  const input = {
    id: "new-course",
    title: "New course",
    author: "Someone",
    source_url: "https://www.youtube.com/watch?v=abc",
    markers: "0:00 Intro\n1:00 Second part",
    transcript: "[0:05] first words\n[1:10] second words",
  };

  it("writes course.yaml with every chapter and its start, and a valid source.md a chapter", () => {
    const result = buildCourseFiles(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.files.keys()]).toEqual(["course.yaml", "01-intro/source.md", "02-second-part/source.md"]);
    expect(result.files.get("course.yaml")).toContain('- { number: 2, title: "Second part", start: "1:00" }');
    const source = parseSource(result.files.get("02-second-part/source.md") ?? "", "source.md");
    expect(source.ok && source.source.transcript.map((line) => line.text)).toEqual(["second words"]);
    expect(source.ok && source.source.frontmatter.totalChapters).toBe(2);
  });

  it("writes nothing when a marker line or a transcript line is bad", () => {
    expect(buildCourseFiles({ ...input, markers: "0:00 Intro\noops" })).toEqual({
      ok: false,
      problems: [
        { field: "markers", line: 2, code: "markerNoTime", values: { text: "oops" }, message: expect.any(String) },
      ],
    });
    expect(buildCourseFiles({ ...input, transcript: "no stamp" })).toMatchObject({
      ok: false,
      problems: [{ field: "transcript", line: 1 }],
    });
  });
});
