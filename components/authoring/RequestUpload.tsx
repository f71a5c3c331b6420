"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { ProblemList } from "./ProblemList";
import { useAuthoringCall } from "./useAuthoringCall";

const LABELS = {
  heading: "Import a request",
  hint: "A cheat-sheet request (source text, ASCII layout, proportion table): it becomes the chapter's sheet.",
  chapter: "Chapter (empty: the one its frontmatter names)",
  file: "Request file",
  submit: "⬆ Import request",
  busy: "Importing…",
  open: "Open the sheet →",
  offline: "The server cannot be reached; nothing was written.",
} as const;

const importedSchema = z.object({ chapter: z.number(), remarks: z.array(z.string()) });

/** The course page's request upload: a request in the seeds' format → a new sheet.mdx. */
export function RequestUpload({ course }: { course: string }) {
  const router = useRouter();
  const { busy, failure, call } = useAuthoringCall(LABELS.offline);
  const [done, setDone] = useState<z.infer<typeof importedSchema> | null>(null);

  const submit = async (form: HTMLFormElement) => {
    setDone(null);
    const result = await call(() => fetch(`/api/courses/${course}/requests`, { method: "POST", body: new FormData(form) }));
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
      <h2>{LABELS.heading}</h2>
      <p className="app-hint">{LABELS.hint}</p>
      <div className="authoring-row">
        <label>
          {LABELS.file}
          <input type="file" name="file" required accept=".txt,.md,text/plain,text/markdown" />
        </label>
        <label>
          {LABELS.chapter}
          <input type="number" name="chapter" min={1} max={99} inputMode="numeric" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy}>
          {busy ? LABELS.busy : LABELS.submit}
        </button>
      </div>
      {failure ? <ProblemList failure={failure} /> : null}
      {done ? (
        <p role="status" data-request-imported={done.chapter}>
          Chapter {done.chapter} written
          {done.remarks.length > 0 ? " (what was trimmed or left unplaced is noted in its frontmatter)" : ""}.{" "}
          <Link href={`/courses/${course}/${done.chapter}`}>{LABELS.open}</Link>
        </p>
      ) : null}
    </form>
  );
}
