"use client";

import { useTranslations } from "next-intl";
import Form from "next/form";
import { useRef } from "react";

export interface FilterCourse {
  id: string;
  title: string;
  chapters: { number: number; title: string; count: number }[];
}

/** Course and chapter filters of the /notes page: a plain GET form, submitted on every change. */
export function NotesFilter({
  courses,
  course,
  chapter,
}: {
  courses: FilterCourse[];
  course?: string;
  chapter?: number;
}) {
  const t = useTranslations("notesPage.filter");
  const chapterRef = useRef<HTMLSelectElement>(null);
  const selected = courses.find((candidate) => candidate.id === course);
  return (
    <Form action="/notes" className="notes-filter" aria-label={t("label")}>
      <label>
        <span>{t("course")}</span>
        <select
          name="course"
          defaultValue={course ?? ""}
          key={`course-${course ?? ""}`}
          onChange={(event) => {
            if (chapterRef.current) chapterRef.current.value = "";
            event.currentTarget.form?.requestSubmit();
          }}
        >
          <option value="">{t("allCourses")}</option>
          {courses.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title} ({option.chapters.reduce((sum, item) => sum + item.count, 0)})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t("chapter")}</span>
        <select
          name="chapter"
          ref={chapterRef}
          defaultValue={chapter ?? ""}
          key={`chapter-${course ?? ""}-${chapter ?? ""}`}
          disabled={!selected}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
        >
          <option value="">{t("allChapters")}</option>
          {selected?.chapters.map((option) => (
            <option key={option.number} value={option.number}>
              {option.number}. {option.title} ({option.count})
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit" className="btn">
          {t("submit")}
        </button>
      </noscript>
    </Form>
  );
}
