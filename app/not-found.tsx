import Link from "next/link";
import { useTranslations } from "next-intl";

/** Any unknown address, course or chapter (notFound()): said in the interface language. */
export default function NotFound() {
  const t = useTranslations("errors.notFound");
  return (
    <main className="error-page" data-error-page="not-found">
      <div className="not-written">
        <p className="not-written-title">🔎 {t("title")}</p>
        <p>{t("body")}</p>
        <Link href="/" className="btn btn-primary">
          {t("home")} →
        </Link>
      </div>
    </main>
  );
}
