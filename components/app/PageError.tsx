"use client";

import Link from "next/link";

/**
 * What a page shows when its server part failed (most often: the database cannot be read or
 * written). Production hides the error's text from the browser, so this says what is likely and
 * where the exact reason is (the server log names the file and the fix).
 */
export function PageError({ retry }: { retry: () => void }) {
  return (
    <main className="page-error" data-page-error>
      <h1>This page could not be loaded</h1>
      <p>
        The server could not read or save its data just now. If the database file or its folder cannot be written (a
        read-only disk, a full disk), the server&apos;s log says which file and what to do. Notes already saved are not
        lost; a note you are typing stays in this browser until the server answers again.
      </p>
      <p>
        <button type="button" className="btn" onClick={retry}>
          Try again
        </button>{" "}
        <Link className="btn" href="/">
          Back to the library
        </Link>
      </p>
    </main>
  );
}
