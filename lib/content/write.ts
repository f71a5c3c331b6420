import "server-only";
import fs from "node:fs";
import path from "node:path";
import { markContentChanged } from "./changes";
import { contentRoots } from "./roots";

/** Raised when a write would land outside every content root; callers answer 400/404, never write. */
export class OutsideContentRootError extends Error {
  constructor(readonly target: string) {
    super(`refusing to write outside the content folders: ${target}`);
    this.name = "OutsideContentRootError";
  }
}

/** The content root that holds `target`, or null. Resolves `..` so a crafted path cannot escape. */
export function contentRootOf(target: string): string | null {
  const absolute = path.resolve(target);
  for (const root of contentRoots()) {
    const relative = path.relative(root, absolute);
    if (relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)) return root;
  }
  return null;
}

export function fsyncDirectory(directory: string): void {
  // Makes the rename itself durable; some platforms cannot open a folder, which is not fatal there.
  let fd: number | undefined;
  try {
    fd = fs.openSync(directory, "r");
    fs.fsyncSync(fd);
  } catch {
    /* best effort: the file's own fsync already happened */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes `data` to `target` so that a reader (or a crash) sees either the old file or the new one,
 * never half of it: a temporary file in the same folder, fsync, rename over the target, fsync the
 * folder. Creates missing folders. Only paths inside a content root can be written.
 */
export function writeContentFileAtomic(target: string, data: string | Uint8Array): void {
  const absolute = path.resolve(target);
  if (contentRootOf(absolute) === null) throw new OutsideContentRootError(absolute);
  const directory = path.dirname(absolute);
  fs.mkdirSync(directory, { recursive: true });
  const temporary = path.join(directory, `.${path.basename(absolute)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(temporary, "wx");
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, absolute);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fsyncDirectory(directory);
  markContentChanged(absolute);
}
