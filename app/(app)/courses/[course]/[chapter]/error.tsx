"use client";

/**
 * A chapter that fails while it is drawn shows this in place of its page; the rest of the app,
 * and every other chapter, keep working.
 */
export default function ChapterError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="chapter-layout">
      <div className="content-errors" role="alert" data-content-errors data-render-error>
        <h2>⚠ This chapter could not be drawn</h2>
        <p>
          Something in its sheet failed while the page was made. Run <code>npm run content:check</code> to see the errors with their
          lines; every other chapter keeps working.
        </p>
        <button type="button" className="btn" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
