import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { HeaderTools } from "./HeaderTools";

export interface Crumb {
  label: string;
  href?: string;
  /** The label is a course's or chapter's title (content, never translated) unless it comes from the messages. */
  translated?: boolean;
}

/** The app's top bar: home, breadcrumbs and page actions. Never printed. */
export function AppHeader({ crumbs = [], actions }: { crumbs?: Crumb[]; actions?: ReactNode }) {
  const t = useTranslations("app.header");
  return (
    <header className="app-header print:hidden">
      <nav aria-label={t("breadcrumbs")} className="app-breadcrumbs">
        <Link href="/" className="app-logo" translate="no">
          📒 Study Sheets
        </Link>
        {crumbs.map((crumb) => (
          <span key={crumb.label} className="app-crumb" translate={crumb.translated ? undefined : "no"}>
            <span aria-hidden="true">/</span>
            {crumb.href ? <Link href={crumb.href}>{crumb.label}</Link> : <span aria-current="page">{crumb.label}</span>}
          </span>
        ))}
      </nav>
      <div className="app-actions">
        {actions}
        <HeaderTools />
      </div>
    </header>
  );
}
