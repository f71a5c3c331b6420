"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { revealTarget } from "./reveal";

/** Lands on the section, transcript line or note the URL names, on every page the app opens. */
export function TargetReveal() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  useEffect(() => {
    revealTarget();
  }, [pathname, searchParams]);
  useEffect(() => {
    const onHash = () => revealTarget();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  return null;
}
