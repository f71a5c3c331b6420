import type { ReactNode } from "react";
import { gridTracks } from "@/lib/sheet-layout/layout";

/** One row of the sheet grid; its cells get exactly the declared share of the width. */
export function SheetRow({
  index,
  height,
  columns,
  children,
}: {
  index: string;
  height: string;
  columns: string;
  children?: ReactNode;
}) {
  const widths = columns.split(" ").map(Number);
  return (
    <div
      className="sheet-row"
      data-row={index}
      data-height={height}
      style={{ gridTemplateColumns: gridTracks(widths) }}
    >
      {children}
    </div>
  );
}
