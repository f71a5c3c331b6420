"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { SECTION_ID, type SectionFields } from "@/lib/studio/snippets";

/** Asks for a new section's id, emoji icon and title (the layout panel's and the insert palette's). */
export function SectionForm({
  submitLabel,
  placeField,
  onSubmit,
  onCancel,
  taken,
}: {
  submitLabel: string;
  /** Extra field (the palette's "place in the layout"). */
  placeField?: ReactNode;
  onSubmit: (fields: SectionFields) => void;
  onCancel: () => void;
  /** Ids already in the layout. */
  taken: Set<string>;
}) {
  const t = useTranslations("studio.sectionForm");
  const uid = useId();
  const [fields, setFields] = useState<SectionFields>({ id: "", icon: "💡", title: "" });
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = fields.id.trim();
    if (!SECTION_ID.test(id)) return setProblem(t("badId"));
    if (taken.has(id)) return setProblem(t("takenId", { id }));
    if (fields.icon.trim() === "" || fields.title.trim() === "") return setProblem(t("missing"));
    onSubmit({ ...fields, id });
  };

  const field = (name: keyof SectionFields, label: string) => (
    <label className="studio-form-field" htmlFor={`${uid}-${name}`}>
      {label}
      <input
        id={`${uid}-${name}`}
        value={fields[name]}
        autoFocus={name === "id"}
        translate="no"
        data-section-field={name}
        onChange={(event) => setFields((current) => ({ ...current, [name]: event.target.value }))}
      />
    </label>
  );

  return (
    <form
      className="studio-section-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      {field("id", t("id"))}
      {field("icon", t("icon"))}
      {field("title", t("title"))}
      {placeField}
      {problem ? (
        <p className="studio-form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="studio-form-actions">
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
