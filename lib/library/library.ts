import { brokenChapters } from "@/lib/content/broken-chapters";
import { loadAllCourses, type Course } from "@/lib/content/course";
import { noteHref } from "@/lib/notes/links";
import { countNotesByChapter, listRecentNotes } from "@/lib/notes/repository";
import { listProgressRows } from "@/lib/progress/repository";
import { progressStatus, type ProgressStatus } from "@/lib/progress/status";
import { courseProgress, type CourseProgress } from "./progress";
import { plainExcerpt } from "./text";

export type LibraryCourse =
  | { ok: true; course: Pick<Course, "id" | "title" | "titleKr" | "author">; progress: CourseProgress }
  | { ok: false; id: string; errorCount: number };

export interface RecentNote {
  id: string;
  /** Where it is: "8. Chapter title · Section title". */
  where: string;
  courseTitle: string;
  excerpt: string;
  updatedAt: Date;
  url: string;
}

const RECENT_NOTES = 6;

/** The library page: every course with its progress, and the notes written or edited last. */
export async function loadLibrary(): Promise<{ courses: LibraryCourse[]; recentNotes: RecentNote[] }> {
  const results = loadAllCourses();
  const [progressRows, notes] = await Promise.all([listProgressRows(), listRecentNotes(RECENT_NOTES)]);
  const courses = await Promise.all(
    results.map(async (result): Promise<LibraryCourse> => {
      if (!result.ok) return { ok: false, id: result.id, errorCount: result.errors.length };
      const { id, title, titleKr, author } = result.course;
      const progress = courseProgress(result.course, progressRows, await brokenChapters(result.course));
      return { ok: true, course: { id, title, titleKr, author }, progress };
    }),
  );
  const known = new Map(results.flatMap((result) => (result.ok ? [[result.course.id, result.course] as const] : [])));
  const recentNotes = notes.map((note): RecentNote => {
    const course = known.get(note.course);
    const chapter = course?.chapters.find((c) => c.number === note.chapter);
    const chapterLabel = chapter ? `${chapter.number}. ${chapter.title}` : `Chapter ${note.chapter}`;
    return {
      id: note.id,
      where: note.sectionTitle ? `${chapterLabel} · ${note.sectionTitle}` : chapterLabel,
      courseTitle: course?.title ?? note.course,
      excerpt: plainExcerpt(note.body),
      updatedAt: note.updatedAt,
      url: noteHref(note),
    };
  });
  return { courses, recentNotes };
}

export interface ChapterStats {
  status: ProgressStatus;
  notes: number;
  /** Content errors of the chapter's sheet; 0 when it compiles or is not written. */
  errors: number;
}

/** A course page: the course's progress, and each chapter's study status and live note count. */
export async function loadCourseOverview(
  course: Course,
): Promise<{ progress: CourseProgress; chapters: Map<number, ChapterStats> }> {
  const [progressRows, counts, broken] = await Promise.all([
    listProgressRows(course.id),
    countNotesByChapter(course.id),
    brokenChapters(course),
  ]);
  const notes = new Map(counts.map((row) => [row.chapter, row.count]));
  const status = new Map(progressRows.map((row) => [row.chapter, progressStatus(row.status)]));
  const chapters = new Map(
    course.chapters.map((chapter): [number, ChapterStats] => [
      chapter.number,
      {
        status: status.get(chapter.number) ?? "not_started",
        notes: notes.get(chapter.number) ?? 0,
        errors: broken.get(chapter.number) ?? 0,
      },
    ]),
  );
  return { progress: courseProgress(course, progressRows, broken), chapters };
}
