"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/**
 * A chapter's sheet in small (lib/thumbnails). The first view of a sheet renders the picture on
 * the server, which takes a moment: a paper-coloured placeholder shimmers in its place meanwhile.
 */
export function SheetThumbnail({ src, width, height }: { src: string; width: number; height: number }) {
  const t = useTranslations("course");
  const image = useRef<HTMLImageElement>(null);
  const [state, setState] = useState<"loading" | "loaded" | "failed">("loading");
  useEffect(() => {
    // It may have finished before React was listening.
    const done = image.current;
    if (done?.complete) setState(done.naturalWidth > 0 ? "loaded" : "failed");
  }, []);
  return (
    <span className="sheet-thumb" data-state={state}>
      {state === "failed" ? (
        <span className="sheet-thumb-failed">{t("previewUnavailable")}</span>
      ) : (
        // A plain <img>: the server already made the picture at the size shown.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          ref={image}
          src={src}
          alt=""
          width={width}
          height={height}
          loading="lazy"
          decoding="async"
          onLoad={() => setState("loaded")}
          onError={() => setState("failed")}
        />
      )}
    </span>
  );
}
