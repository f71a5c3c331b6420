"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { closeModal, showModal } from "@/components/app/dialog";
import { RICH_TAGS } from "@/components/app/rich-tags";
import { formText } from "@/lib/authoring/form-text";
import { ProblemList } from "./ProblemList";
import { useAuthoringCall } from "./useAuthoringCall";

/** "New course" on the library page: the course file from pasted chapter markers (and a transcript). */
export function NewCourseDialog() {
  const t = useTranslations("authoring.newCourse");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const { busy, failure, call } = useAuthoringCall(t("offline"));

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => formText(data, name).trim();
    const body = {
      id: text("id"),
      title: text("title"),
      ...(text("titleKr") ? { titleKr: text("titleKr") } : {}),
      author: text("author"),
      source_url: text("source_url"),
      markers: formText(data, "markers"),
      ...(text("transcript") ? { transcript: formText(data, "transcript") } : {}),
    };
    const result = await call(() =>
      fetch("/api/courses", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
    if (!result.ok) return;
    closeModal(dialog.current);
    router.push(`/courses/${body.id}`);
    router.refresh();
  };

  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        data-new-course
        onClick={() => dialog.current && showModal(dialog.current)}
      >
        ＋ {t("open")}
      </button>
      <dialog ref={dialog} className="app-dialog authoring-dialog" aria-labelledby="new-course-title">
        <div className="app-dialog-head">
          <h2 id="new-course-title">{t("title")}</h2>
          <button type="button" className="btn" onClick={() => closeModal(dialog.current)}>
            {t("close")}
          </button>
        </div>
        <form
          className="authoring-form"
          data-new-course-form
          onSubmit={(event) => {
            event.preventDefault();
            void submit(event.currentTarget);
          }}
        >
          <div className="authoring-fields">
            <label>
              {t("id")}
              <input name="id" required pattern="[a-z0-9][a-z0-9\-]*" maxLength={60} autoComplete="off" />
            </label>
            <label>
              {t("courseTitle")}
              <input name="title" required maxLength={200} />
            </label>
            <label>
              {t("titleKr")}
              <input name="titleKr" maxLength={200} lang="ko" />
            </label>
            <label>
              {t("author")}
              <input name="author" required maxLength={200} />
            </label>
            <label className="authoring-wide">
              {t("url")}
              <input
                name="source_url"
                type="url"
                required
                translate="no"
                placeholder="https://www.youtube.com/watch?v=…"
              />
            </label>
          </div>
          <label>
            {t.rich("markers", RICH_TAGS)}
            <textarea
              name="markers"
              required
              rows={8}
              spellCheck={false}
              translate="no"
              placeholder={"0:00 Introduction\n1:00 Pretraining data (internet)"}
            />
          </label>
          <label>
            {t("transcript")}
            <textarea name="transcript" rows={5} spellCheck={false} translate="no" placeholder="[0:00] hi everyone…" />
          </label>
          {failure ? <ProblemList failure={failure} /> : null}
          <p>
            <button type="submit" className="btn btn-primary" aria-disabled={busy} disabled={busy}>
              {busy ? t("busy") : t("create")}
            </button>
          </p>
        </form>
      </dialog>
    </>
  );
}
