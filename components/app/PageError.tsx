"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { AppHeader } from "./AppHeader";

/**
 * What a page shows when its server part failed (most often: the database cannot be read or
 * written). Production hides the error's text from the browser, so this says what is likely and
 * where the exact reason is (the server log names the file and the fix). It is a page of the app
 * like the others (header, notebook card), in the interface language.
 */
export function PageError({ retry }: { retry: () => void }) {
  const t = useTranslations("errors.page");
  return (
    <>
      <AppHeader />
      <main className="error-page" data-page-error>
        <div className="not-written page-error">
          <h1 className="not-written-title">⚠️ {t("title")}</h1>
          <p>{t("body")}</p>
          <p className="page-error-actions">
            <button type="button" className="btn btn-primary" onClick={retry}>
              {t("retry")}
            </button>
            <Link className="btn" href="/">
              {t("home")}
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
