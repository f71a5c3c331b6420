"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** A page that failed on the server or in the browser: what happened, try again, or go home. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors.page");
  return (
    <main className="error-page" data-error-page="error">
      <div className="content-errors" role="alert">
        <h2>⚠ {t("title")}</h2>
        <p>{t("body")}</p>
        {error.digest ? <p className="app-hint">{t("digest", { digest: error.digest })}</p> : null}
        <p>
          <button type="button" className="btn btn-primary" onClick={reset}>
            {t("retry")}
          </button>{" "}
          <Link href="/" className="btn">
            {t("home")}
          </Link>
        </p>
      </div>
    </main>
  );
}
