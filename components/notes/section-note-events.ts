/**
 * The sheet (server-rendered) and the notes panel (client) talk through two DOM events, so the
 * sheet needs no client state of its own.
 */
import { z } from "zod";

export const ADD_SECTION_NOTE_EVENT = "study-sheets:add-section-note";
export const NOTE_COUNTS_EVENT = "study-sheets:note-counts";
/** The `n` shortcut on a chapter page: the notes panel opens a new chapter note (no detail). */
export const NEW_NOTE_EVENT = "study-sheets:new-note";

export interface AddSectionNoteDetail {
  section: string;
  title: string;
}

/** Note counts by section id, announced by the notes panel whenever its notes change. */
export const noteCountsSchema = z.record(z.string(), z.number());
export type NoteCountsDetail = z.infer<typeof noteCountsSchema>;
