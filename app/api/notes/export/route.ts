import { withDatabaseErrors } from "@/lib/api/database-errors";
import { failureResponse, parseInput } from "@/lib/api/http";
import { findNoteChapter } from "@/lib/notes/chapter-lookup";
import { notesToMarkdown, toNotesFile } from "@/lib/notes/export";
import { listNotes, toNoteJson } from "@/lib/notes/repository";
import { exportQuerySchema } from "@/lib/notes/schemas";

/** GET /api/notes/export?format=markdown|json&course=&chapter= → a file to download. */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const query = parseInput(exportQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return failureResponse(query);
  const { format, ...filter } = query.data;
  const notes = (await listNotes(filter)).map(toNoteJson);
  const now = new Date();
  const name = `study-notes-${[filter.course, filter.chapter].filter((part) => part !== undefined).join("-") || "all"}-${now.toISOString().slice(0, 10)}`;
  if (format === "json") {
    return Response.json(toNotesFile(notes), {
      headers: { "content-disposition": `attachment; filename="${name}.json"` },
    });
  }
  const markdown = notesToMarkdown(
    notes,
    (course, chapter) => {
      const found = findNoteChapter(course, chapter);
      return found
        ? { courseTitle: found.course.title, chapterTitle: found.chapter.title, sourceUrl: found.course.sourceUrl }
        : {};
    },
    now,
  );
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.md"`,
    },
  });
});
