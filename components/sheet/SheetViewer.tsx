"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { A4_PX } from "@/lib/sheet-layout/geometry";

const SHEET_WIDTH_PX = A4_PX.width;
const SHEET_HEIGHT_PX = A4_PX.height;
const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.25, 1.5, 2, 3];

type Zoom = { mode: "fit" } | { mode: "fixed"; scale: number };

/**
 * Shows the real-size sheet scaled to the window (the whole page visible), with zoom in/out and
 * 100% = real size. Scaling with a transform keeps the sheet's own layout (and its fit) untouched.
 */
export function SheetViewer({ children }: { children: ReactNode }) {
  const t = useTranslations("chapter.zoom");
  const area = useRef<HTMLDivElement>(null);
  const [fitScale, setFitScale] = useState(1);
  const [zoom, setZoom] = useState<Zoom>({ mode: "fit" });

  const measure = useCallback(() => {
    const box = area.current;
    if (!box) return;
    const available = box.clientWidth - 16;
    const height = window.innerHeight - box.getBoundingClientRect().top - 16;
    setFitScale(Math.max(0.2, Math.min(available / SHEET_WIDTH_PX, Math.max(height, 320) / SHEET_HEIGHT_PX)));
  }, []);

  useLayoutEffect(measure, [measure]);
  useEffect(() => {
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [measure]);

  const scale = zoom.mode === "fit" ? fitScale : zoom.scale;
  const stepZoom = (direction: 1 | -1) => {
    const next =
      direction > 0
        ? ZOOM_STEPS.find((s) => s > scale + 0.001)
        : [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.001);
    if (next) setZoom({ mode: "fixed", scale: next });
  };

  return (
    <div className="sheet-viewer">
      <div className="sheet-zoom print:hidden" role="toolbar" aria-label={t("label")}>
        <button type="button" onClick={() => stepZoom(-1)} aria-label={t("out")} title={t("outTitle")}>
          −
        </button>
        <output aria-live="polite" aria-label={t("level")}>
          {Math.round(scale * 100)}%
        </output>
        <button type="button" onClick={() => stepZoom(1)} aria-label={t("in")} title={t("inTitle")}>
          +
        </button>
        <button type="button" onClick={() => setZoom({ mode: "fit" })} aria-pressed={zoom.mode === "fit"}>
          {t("fit")}
        </button>
        <button
          type="button"
          onClick={() => setZoom({ mode: "fixed", scale: 1 })}
          aria-pressed={zoom.mode === "fixed" && zoom.scale === 1}
        >
          100%
        </button>
      </div>
      <div ref={area} className="sheet-viewer-area">
        <div className="sheet-viewer-box" style={{ width: SHEET_WIDTH_PX * scale, height: SHEET_HEIGHT_PX * scale }}>
          <div className="sheet-viewer-scale" style={{ transform: `scale(${scale})` }}>
            {children}
          </div>
        </div>
      </div>
    </div>
  );
}
