import { parseStoredJson } from "@/lib/api/client";
import { studioDraftSchema, type StudioDraft, type StudioFileKind } from "./schemas";

/** Where the studio keeps a file's unsaved text in the browser (a sheet's key is the one it always had). */
export function draftKey(kind: StudioFileKind, course: string, chapter: number): string {
  if (kind === "course") return `studio-draft:course:${course}`;
  return kind === "sheet" ? `studio-draft:${course}:${chapter}` : `studio-draft:source:${course}:${chapter}`;
}

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The kept draft, or null when there is none or it is not one (hand-edited, older format). */
export function readDraft(storage: DraftStorage, key: string): StudioDraft | null {
  return parseStoredJson(storage.getItem(key), studioDraftSchema.nullable(), null);
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
