import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "@fontsource-variable/inter";
import "@fontsource/kalam/400.css";
import "@fontsource/kalam/700.css";
import "@fontsource/gaegu/400.css";
import "@fontsource/gaegu/700.css";
import "@fontsource/patrick-hand/400.css";
import "@fontsource/nanum-pen-script/400.css";
import "@fontsource/noto-emoji/400.css";
import "@fontsource/noto-emoji/700.css";
import { sheetGeometryStyle } from "@/lib/sheet-layout/geometry";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: "Study Sheets", template: "%s · Study Sheets" },
    description: t("description"),
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "32x32" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: "/icon-192.png",
    },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

/** The interface language (cookie, else Accept-Language: i18n/request.ts) sets <html lang> and every message. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} style={sheetGeometryStyle}>
      <body>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
