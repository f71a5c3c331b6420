import { createHash } from "node:crypto";

/** Identifies a diagram's source as written in content/, to notice when it changes. */
export function sourceHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}
