import type { APIRequestContext, Page } from "@playwright/test";
import type { NoteJson } from "@/lib/notes/schemas";
import { expect } from "./fixtures";

export const COURSE = "deep-dive-llms";

/** A note as the API sends it. */
export type ApiNote = NoteJson;

/** Opens a chapter page and waits until its notes panel has loaded the chapter's notes. */
export async function openChapter(page: Page, chapter: number, baseURL = "") {
  await page.goto(`${baseURL}/courses/${COURSE}/${chapter}`);
  await expect(page.locator("[data-notes]")).toHaveAttribute("data-load", "loaded");
}

export function saveState(page: Page) {
  return page.locator("[data-notes] [data-save-state]");
}

/** The chapter's notes as the server has them. */
export async function serverNotes(request: APIRequestContext, chapter: number, baseURL = ""): Promise<ApiNote[]> {
  const response = await request.get(`${baseURL}/api/notes?course=${COURSE}&chapter=${chapter}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { notes: ApiNote[] }).notes;
}

export async function createNote(
  request: APIRequestContext,
  note: Partial<ApiNote> & { chapter: number; body: string },
  baseURL = "",
): Promise<ApiNote> {
  const response = await request.post(`${baseURL}/api/notes`, { data: { course: COURSE, ...note } });
  expect(response.status()).toBe(201);
  return (await response.json()) as ApiNote;
}

/** The id of the note whose editor is open. */
export async function editingNoteId(page: Page): Promise<string> {
  const id = await page.locator("[data-notes] [data-note-id][data-editing]").getAttribute("data-note-id");
  expect(id).toBeTruthy();
  return id!;
}

/** Adds a note on the open chapter, types `text` into it and waits until it is saved: its input and id. */
export async function writeSavedNote(page: Page, text: string) {
  await page.locator("[data-add-note]").click();
  const input = page.locator("[data-note-input]");
  await input.pressSequentially(text, { delay: 5 });
  const id = await editingNoteId(page);
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
  return { input, id };
}
