import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SectionNoteButton } from "@/components/notes/SectionNoteButton";
import { FIT_FLOOR_PT } from "@/lib/sheet-layout/geometry";

/** One cell of the grid: icon and title in a hand-drawn frame, then the content, fitted by SheetFrame. */
export function Section({
  id,
  icon,
  title,
  width,
  children,
}: {
  id: string;
  icon: string;
  title: string;
  width?: string;
  children?: ReactNode;
}) {
  const t = useTranslations("chapter");
  return (
    <section
      className="sheet-section"
      data-section={id}
      data-width={width}
      id={`section-${id}`}
      aria-labelledby={`section-${id}-title`}
    >
      <div className="sheet-section-frame">
        <h2 className="sheet-section-title" id={`section-${id}-title`}>
          <span className="sheet-section-icon" aria-hidden="true">
            {icon}
          </span>
          <span className="sheet-section-text">{title}</span>
          <SectionNoteButton section={id} title={title} />
        </h2>
        <div className="sheet-section-body" data-section-body>
          {children}
        </div>
      </div>
      <p className="sheet-fit-warning" role="status" hidden>
        ⚠{" "}
        {t.rich("sectionOverflows", {
          title,
          floor: FIT_FLOOR_PT,
          content: (chunks) => <span translate="no">{chunks}</span>,
        })}
      </p>
    </section>
  );
}
