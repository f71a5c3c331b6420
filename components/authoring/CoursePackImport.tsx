"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { z } from "zod";
import { formText } from "@/lib/authoring/form-text";
import { importAnswerSchema } from "@/lib/notes/schemas";
import { ProblemList } from "./ProblemList";
import { useAuthoringCall } from "./useAuthoringCall";

const installedSchema = z.object({
  course: z.string(),
  sheets: z.number(),
  notes: importAnswerSchema,
});

/** The library page's course pack upload, with the explicit choice an existing course needs. */
export function CoursePackImport() {
  const t = useTranslations("authoring.packImport");
  const router = useRouter();
  const file = useRef<File | null>(null);
  const { busy, failure, call } = useAuthoringCall(t("offline"));
  const [done, setDone] = useState<z.infer<typeof installedSchema> | null>(null);

  const send = async (fields: Record<string, string>) => {
    if (!file.current) return;
    const form = new FormData();
    form.set("file", file.current);
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    setDone(null);
    const result = await call(() => fetch("/api/courses/import", { method: "POST", body: form }));
    if (!result.ok) return;
    const parsed = installedSchema.safeParse(result.body);
    setDone(parsed.success ? parsed.data : null);
    router.refresh();
  };

  return (
    <div className="authoring-card" data-pack-import>
      <h2>{t("heading")}</h2>
      <p className="app-hint">{t("hint")}</p>
      <form
        className="authoring-row"
        onSubmit={(event) => {
          event.preventDefault();
          const picked = new FormData(event.currentTarget).get("file");
          file.current = picked instanceof File ? picked : null;
          void send({ mode: "new" });
        }}
      >
        <label>
          {t("file")}
          <input type="file" name="file" required accept=".zip,application/zip" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy}>
          {busy ? t("busy") : `⬆ ${t("submit")}`}
        </button>
      </form>
      {failure?.existing ? (
        <div className="authoring-choice" data-pack-choice>
          <p>{t("exists")}</p>
          <form
            className="authoring-row"
            onSubmit={(event) => {
              event.preventDefault();
              void send({ mode: "copy", id: formText(new FormData(event.currentTarget), "id") });
            }}
          >
            <label>
              {t("copy")}
              <input name="id" required pattern="[a-z0-9][a-z0-9\-]*" defaultValue={`${failure.existing}-copy`} />
            </label>
            <button type="submit" className="btn" disabled={busy}>
              {t("copyButton")}
            </button>
          </form>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void send({ mode: "replace" })}
            data-pack-replace
          >
            {t("replace")}
          </button>
        </div>
      ) : failure ? (
        <ProblemList failure={failure} />
      ) : null}
      {done ? (
        <p role="status" data-pack-installed={done.course}>
          {t.rich("installed", {
            course: done.course,
            sheets: done.sheets,
            notes: done.notes.imported,
            content: (chunks) => <span translate="no">{chunks}</span>,
          })}{" "}
          <Link href={`/courses/${done.course}`}>{t("open")} →</Link>
        </p>
      ) : null}
    </div>
  );
}
