import { studioDraftSchema, type StudioDraft } from "./schemas";

/** Where the studio keeps a chapter's unsaved text in the browser. */
export function draftKey(course: string, chapter: number): string {
  return `studio-draft:${course}:${chapter}`;
}

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The kept draft, or null when there is none or it is not one (hand-edited, older format). */
export function readDraft(storage: DraftStorage, key: string): StudioDraft | null {
  const raw = storage.getItem(key);
  if (raw === null) return null;
  try {
    const parsed = studioDraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; a full storage only loses the browser copy, never the editor's text. */
export function writeDraft(storage: DraftStorage, key: string, draft: StudioDraft): boolean {
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage, key: string): void {
  storage.removeItem(key);
}
