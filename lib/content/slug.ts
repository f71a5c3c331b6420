/** "Llama 3.1 Base Model Inference" → "llama-3-1-base-model-inference" (`separator` "-" by default). */
export function slugify(text: string, separator: "-" | "_" = "-"): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, separator)
    .replace(/^[-_]+|[-_]+$/g, "");
}

export function chapterFolderName(number: number, title: string): string {
  return `${String(number).padStart(2, "0")}-${slugify(title)}`;
}

/** "08-llama-3-1-base-model-inference" → 8; null for a folder that is not a chapter. */
export function chapterNumberOfFolder(folder: string): number | null {
  const match = /^(\d{2})-[a-z0-9-]+$/.exec(folder);
  return match ? Number(match[1]) : null;
}
