"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type KeyboardEvent, type PointerEvent, type RefObject } from "react";
import * as rewrite from "@/lib/studio/layout-rewrite";
import { gridTracks } from "@/lib/sheet-layout/layout";
import { useLayoutErrorText } from "./layout-error-text";

const { LayoutRewriteError, MIN_ROW_HEIGHT: MIN_ROW, MIN_SECTION_WIDTH: MIN_COLUMN, moveBorder } = rewrite;
const { readLayoutNumbers, setRowHeights, setSectionWidths, wholeWidths } = rewrite;

interface Border {
  kind: "row" | "column";
  /** The layout row (for a column border) or the row above (for a row border). */
  row: number;
  /** The size before the border. */
  index: number;
  sizes: number[];
  /** Position in the sheet, px (unscaled). */
  x: number;
  y: number;
  length: number;
  /** Pixels that 100% of these sizes spans (to move the handle with the drag). */
  span: number;
}

function sheetIn(preview: RefObject<HTMLElement | null>): HTMLElement | null {
  return preview.current?.querySelector<HTMLElement>("[data-sheet]") ?? null;
}

function findBorders(sheet: HTMLElement, source: string): Border[] {
  let numbers: ReturnType<typeof readLayoutNumbers>;
  try {
    numbers = readLayoutNumbers(source);
  } catch {
    return [];
  }
  const rows = [...sheet.querySelectorAll<HTMLElement>(":scope > [data-row], [data-row]")].filter(
    (r, i, all) => all.indexOf(r) === i,
  );
  if (rows.length !== numbers.heights.length) return [];
  const borders: Border[] = [];
  rows.forEach((row, rowIndex) => {
    if (rowIndex > 0) {
      borders.push({
        kind: "row",
        row: rowIndex - 1,
        index: rowIndex - 1,
        sizes: numbers.heights,
        x: 0,
        y: row.offsetTop,
        length: sheet.offsetWidth,
        span: sheet.offsetHeight,
      });
    }
    const cells = [...row.children].filter((c): c is HTMLElement => c instanceof HTMLElement);
    const widths = numbers.widths[rowIndex];
    if (!widths || cells.length !== widths.length) return;
    const sizes = wholeWidths(widths);
    cells.slice(1).forEach((cell, i) => {
      borders.push({
        kind: "column",
        row: rowIndex,
        index: i,
        sizes,
        x: cell.offsetLeft,
        y: row.offsetTop,
        length: row.offsetHeight,
        span: row.offsetWidth,
      });
    });
  });
  return borders;
}

/**
 * Drag handles on the preview's row and column borders (also arrow keys when focused): sizes snap
 * to whole percents, pairs keep their sum, cells keep a minimum; the numbers show while dragging.
 * On release the layout in the frontmatter is rewritten in place.
 */
export function LayoutHandles({
  preview,
  source,
  revision,
  onChange,
}: {
  preview: RefObject<HTMLElement | null>;
  source: string;
  revision: number;
  onChange: (source: string) => void;
}) {
  const t = useTranslations("studio");
  const [borders, setBorders] = useState<Border[]>([]);
  const [drag, setDrag] = useState<{ border: Border; sizes: number[] } | null>(null);
  const [problem, setProblem] = useState<rewrite.LayoutRewriteError | null>(null);
  const layoutErrorText = useLayoutErrorText();

  useEffect(() => {
    const sheet = sheetIn(preview);
    if (!sheet) return;
    const measure = () => setBorders(sheet.dataset.ready === "true" ? findBorders(sheet, source) : []);
    measure();
    const observer = new MutationObserver(measure);
    observer.observe(sheet, { attributes: true, attributeFilter: ["data-ready"] });
    return () => observer.disconnect();
  }, [preview, source, revision]);

  const showLive = (border: Border, sizes: number[]) => {
    const sheet = sheetIn(preview);
    if (!sheet) return;
    if (border.kind === "row") sheet.style.gridTemplateRows = gridTracks(sizes);
    else {
      const row = sheet.querySelector<HTMLElement>(`[data-row="${border.row}"]`);
      if (row) row.style.gridTemplateColumns = gridTracks(sizes);
    }
  };

  const commit = (border: Border, sizes: number[]) => {
    try {
      const next = border.kind === "row" ? setRowHeights(source, sizes) : setSectionWidths(source, border.row, sizes);
      setProblem(null);
      if (next !== source) onChange(next);
    } catch (error) {
      if (error instanceof LayoutRewriteError) setProblem(error);
      else throw error;
    }
  };

  const sizesAt = (border: Border, event: PointerEvent<HTMLElement>) => {
    const sheet = sheetIn(preview);
    if (!sheet) return border.sizes;
    const box = (
      border.kind === "row" ? sheet : (sheet.querySelector(`[data-row="${border.row}"]`) ?? sheet)
    ).getBoundingClientRect();
    const percent =
      border.kind === "row"
        ? ((event.clientY - box.top) / box.height) * 100
        : ((event.clientX - box.left) / box.width) * 100;
    const before = border.sizes.slice(0, border.index).reduce((a, b) => a + b, 0);
    return moveBorder(border.sizes, border.index, percent - before, border.kind === "row" ? MIN_ROW : MIN_COLUMN);
  };

  const onKey = (border: Border, event: KeyboardEvent<HTMLElement>) => {
    const step = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const sizes = moveBorder(
      border.sizes,
      border.index,
      (border.sizes[border.index] ?? 0) + step,
      border.kind === "row" ? MIN_ROW : MIN_COLUMN,
    );
    commit(border, sizes);
  };

  return (
    <div className="studio-handles" data-layout-handles>
      {borders.map((border) => {
        const key = `${border.kind}-${border.row}-${border.index}`;
        const active = drag?.border === border ? drag.sizes : null;
        const sizes = active ?? border.sizes;
        const moved = (((sizes[border.index] ?? 0) - (border.sizes[border.index] ?? 0)) / 100) * border.span;
        return (
          <div
            key={key}
            className="studio-handle"
            data-handle={key}
            data-kind={border.kind}
            role="separator"
            tabIndex={0}
            aria-orientation={border.kind === "row" ? "horizontal" : "vertical"}
            aria-label={
              border.kind === "row"
                ? t("border.row", { first: border.index + 1, second: border.index + 2 })
                : t("border.column", { first: border.index + 1, second: border.index + 2 })
            }
            aria-valuenow={sizes[border.index]}
            aria-valuetext={`${sizes[border.index]} / ${sizes[border.index + 1]}`}
            style={
              border.kind === "row"
                ? { top: border.y + moved, left: 0, width: border.length }
                : { left: border.x + moved, top: border.y, height: border.length }
            }
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              setDrag({ border, sizes: border.sizes });
            }}
            onPointerMove={(event) => {
              if (drag?.border !== border) return;
              const next = sizesAt(border, event);
              showLive(border, next);
              setDrag({ border, sizes: next });
            }}
            onPointerUp={() => {
              if (drag?.border !== border) return;
              setDrag(null);
              commit(border, drag.sizes);
            }}
            onKeyDown={(event) => onKey(border, event)}
          >
            {active ? (
              <output className="studio-handle-numbers" data-drag-numbers>
                {active[border.index]} / {active[border.index + 1]}
              </output>
            ) : null}
          </div>
        );
      })}
      {problem ? (
        <p className="studio-handle-problem" role="alert">
          {layoutErrorText(problem)}
        </p>
      ) : null}
    </div>
  );
}
