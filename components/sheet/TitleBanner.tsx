import { formatTimestamp, videoUrlAt } from "@/lib/content/timestamps";

export interface TitleBannerProps {
  chapter: number;
  title: string;
  titleKr?: string;
  author: string;
  sourceUrl: string;
  courseTitle: string;
  startSeconds?: number;
  width?: string;
}

/** The sheet's title cell: chapter number, English and Korean titles, author and source link. */
export function TitleBanner({
  chapter,
  title,
  titleKr,
  author,
  sourceUrl,
  courseTitle,
  startSeconds,
  width,
}: TitleBannerProps) {
  const link = startSeconds !== undefined ? videoUrlAt(sourceUrl, startSeconds) : sourceUrl;
  return (
    <header className="sheet-title" data-section="title" data-width={width}>
      <div className="sheet-title-number" aria-label={`Chapter ${chapter}`}>
        {chapter}
      </div>
      <div className="sheet-title-text">
        <h1>
          <span className="sheet-title-en" lang="en">
            {title}
          </span>
          {titleKr ? (
            <span className="sheet-title-kr" lang="ko">
              {titleKr}
            </span>
          ) : null}
        </h1>
        <p className="sheet-title-meta">
          <span>{courseTitle}</span>
          <span aria-hidden="true"> · </span>
          <span>✍️ {author}</span>
          <span aria-hidden="true"> · </span>
          <a href={link}>
            ▶ {startSeconds !== undefined ? `${formatTimestamp(startSeconds)} ` : ""}
            {new URL(sourceUrl).hostname.replace(/^www\./, "")}
          </a>
        </p>
      </div>
    </header>
  );
}
