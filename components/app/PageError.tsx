"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * What a page shows when its server part failed (most often: the database cannot be read or
 * written). Production hides the error's text from the browser, so this says what is likely and
 * where the exact reason is (the server log names the file and the fix).
 */
export function PageError({ retry }: { retry: () => void }) {
  const t = useTranslations("errors.page");
  return (
    <main className="page-error" data-page-error>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <button type="button" className="btn" onClick={retry}>
          {t("retry")}
        </button>{" "}
        <Link className="btn" href="/">
          {t("home")}
        </Link>
      </p>
    </main>
  );
}
