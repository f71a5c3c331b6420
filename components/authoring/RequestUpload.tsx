"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { ProblemList } from "./ProblemList";
import { useAuthoringCall } from "./useAuthoringCall";

const importedSchema = z.object({ chapter: z.number(), remarks: z.array(z.string()) });

/** The course page's request upload: a request in the seeds' format → a new sheet.mdx. */
export function RequestUpload({ course }: { course: string }) {
  const t = useTranslations("authoring.request");
  const router = useRouter();
  const { busy, failure, call } = useAuthoringCall(t("offline"));
  const [done, setDone] = useState<z.infer<typeof importedSchema> | null>(null);

  const submit = async (form: HTMLFormElement) => {
    setDone(null);
    const result = await call(() =>
      fetch(`/api/courses/${course}/requests`, { method: "POST", body: new FormData(form) }),
    );
    if (!result.ok) return;
    const parsed = importedSchema.safeParse(result.body);
    setDone(parsed.success ? parsed.data : null);
    form.reset();
    router.refresh();
  };

  return (
    <form
      className="authoring-card"
      data-request-upload
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h2>{t("heading")}</h2>
      <p className="app-hint">{t("hint")}</p>
      <div className="authoring-row">
        <label>
          {t("file")}
          <input type="file" name="file" required accept=".txt,.md,text/plain,text/markdown" />
        </label>
        <label>
          {t("chapter")}
          <input type="number" name="chapter" min={1} max={99} inputMode="numeric" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy}>
          {busy ? t("busy") : `⬆ ${t("submit")}`}
        </button>
      </div>
      {failure ? <ProblemList failure={failure} /> : null}
      {done ? (
        <p role="status" data-request-imported={done.chapter}>
          {done.remarks.length > 0
            ? t("writtenWithRemarks", { chapter: done.chapter })
            : t("written", { chapter: done.chapter })}{" "}
          <Link href={`/courses/${course}/${done.chapter}`}>{t("open")} →</Link>
        </p>
      ) : null}
    </form>
  );
}
