import { Suspense, type ReactNode } from "react";
import { ShortcutHelp } from "@/components/app/ShortcutHelp";
import { ShortcutProvider } from "@/components/app/ShortcutProvider";
import { SearchPalette } from "@/components/search/SearchPalette";
import { TargetReveal } from "@/components/search/TargetReveal";

export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <ShortcutProvider>
      <div className="app-root">{children}</div>
      <SearchPalette />
      <ShortcutHelp />
      {/* Reads the URL's search params: its own Suspense boundary keeps the pages static. */}
      <Suspense fallback={null}>
        <TargetReveal />
      </Suspense>
    </ShortcutProvider>
  );
}
