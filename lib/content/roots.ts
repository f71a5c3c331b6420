import path from "node:path";

/**
 * Where courses live: `content/` by default; CONTENT_DIR may list several folders separated by
 * ":" (the e2e suite adds its fixture courses this way).
 */
export function contentRoots(): string[] {
  const configured = process.env.CONTENT_DIR?.split(path.delimiter).filter(Boolean);
  return (configured && configured.length > 0 ? configured : ["content"]).map((dir) => path.resolve(dir));
}

/** A path as shown in error messages: relative to the project when inside it. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith("..") ? absolute : relative;
}
