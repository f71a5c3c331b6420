import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
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

export const metadata: Metadata = {
  title: { default: "Study Sheets", template: "%s · Study Sheets" },
  description: "Study a lecture course chapter by chapter: one-page A4 cheat sheets, live diagrams and your own notes.",
  icons: { icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/icon-192.png" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ko" style={sheetGeometryStyle}>
      <body>{children}</body>
    </html>
  );
}
