"use client";

import { PageError } from "@/components/app/PageError";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  return <PageError retry={reset} />;
}
