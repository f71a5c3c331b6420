/**
 * The browser side of "never lost": every edit is written to localStorage at once and sent to the
 * API after a short pause, then retried with backoff until the server confirms it, on this page
 * load or a later one. The decisions (what to send, what an answer means) are the pure functions
 * of lib/notes/outbox.ts; this file stores, schedules and talks HTTP.
 *
 * Each tab keeps its own outbox (`study-sheets:outbox:<tab id>`, the id kept in sessionStorage so
 * a reload finds it again) so two tabs never send each other's text; the server's version check
 * then catches their conflicts. A tab holds a Web Lock named after its id while it is open; an
 * outbox whose lock nobody holds belongs to a closed tab and is adopted by the next tab that runs.
 */
import type { NoteContent } from "@/lib/notes/conflict";
import {
  adoptEntries,
  applyResponse,
  editEntry,
  entryForNote,
  entryState,
  isBlankDraft,
  isLocalOnly,
  isSynced,
  markSent,
  newEntry,
  nextRequest,
  overallState,
  resolveConflict,
  type ConflictChoice,
  type NoteSnapshot,
  type OutboxEntry,
  type OutboxRequest,
  type OutboxResponse,
  storedOutboxSchema,
  type SyncState,
} from "@/lib/notes/outbox";
import { z } from "zod";
import { parseResponse, parseStoredJson } from "@/lib/api/client";
import { noteJsonSchema, noteListAnswerSchema, type NoteJson } from "@/lib/notes/schemas";

const OUTBOX_PREFIX = "study-sheets:outbox:";
const TAB_ID_KEY = "study-sheets:tab-id";
const TAB_LOCK_PREFIX = "study-sheets:tab:";
const ADOPT_LOCK = "study-sheets:adopt-outboxes";
/** Pause after the last keystroke before saving. */
const AUTOSAVE_DELAY_MS = 600;
const REQUEST_TIMEOUT_MS = 15_000;
/** Loading a chapter's notes is retried after 2 s, 4 s, … up to 30 s while the server is away. */
const loadRetryDelay = (attempt: number) => Math.min(30_000, 2000 * 2 ** attempt);

/** A note as the panel shows it: the server's copy with this tab's unsent changes on top. */
export interface NoteView extends NoteContent {
  id: string;
  course: string;
  chapter: number;
  createdAt: string;
  updatedAt: string | null;
  state: SyncState;
  /** The server's text when it refused this tab's write; the user must choose. */
  conflict: NoteJson | null;
  /** The text this tab's edits started from, for a three-way merge. */
  base: string | null;
  error: string | null;
}

type LoadState = "loading" | "loaded" | "failed";

type Place = { course: string; chapter: number };
const chapterKey = ({ course, chapter }: Place) => `${course}/${chapter}`;

const ADOPT_EVERY_MS = 3000;
/**
 * An outbox is adopted only when its tab's lock has been free for this long: a reloading tab
 * frees its lock for a moment before it takes it again, and must find its outbox still there.
 */
const ADOPT_GRACE_MS = 2500;
/** How long a reloaded page waits for its previous document to let go of the tab's lock. */
const RECLAIM_WAIT_MS = 1500;

/** Holds a Web Lock for as long as the page lives; false when someone else holds it (after waiting up to `waitMs`). */
function holdLock(name: string, waitMs = 0): Promise<boolean> {
  return new Promise((resolve) => {
    const options: LockOptions = waitMs > 0 ? { signal: AbortSignal.timeout(waitMs) } : { ifAvailable: true };
    navigator.locks
      .request(name, options, (lock) => {
        resolve(lock !== null);
        return lock ? new Promise<void>(() => {}) : undefined;
      })
      .catch(() => resolve(false));
  });
}

/** The fields of a write's answer besides the note itself; a malformed field counts as absent. */
const sendAnswerSchema = z.object({
  note: noteJsonSchema.optional().catch(undefined),
  error: z.string().optional().catch(undefined),
});

async function send(entry: OutboxEntry, request: OutboxRequest): Promise<OutboxResponse> {
  const path = `/api/notes/${encodeURIComponent(entry.id)}`;
  const target =
    request.kind === "create"
      ? { url: "/api/notes", method: "POST", body: request.payload }
      : request.kind === "update"
        ? { url: path, method: "PATCH", body: request.payload }
        : request.kind === "restore"
          ? { url: `${path}/restore`, method: "POST" }
          : { url: path, method: "DELETE" };
  try {
    const response = await fetch(target.url, {
      method: target.method,
      headers: target.body ? { "content-type": "application/json" } : undefined,
      body: target.body ? JSON.stringify(target.body) : undefined,
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    // An OK answer is the note; a 409 carries the server's copy as `note`; any answer may say `error`.
    const answer = sendAnswerSchema.safeParse(payload ?? {});
    const fields = answer.success ? answer.data : {};
    const note = response.ok
      ? noteJsonSchema.safeParse(payload).data
      : response.status === 409
        ? fields.note
        : undefined;
    return { status: response.status, note, error: fields.error };
  } catch {
    return { status: 0 };
  }
}

class NoteStore {
  private tabId = "";
  private entries: Record<string, OutboxEntry> = {};
  private server = new Map<string, NoteJson>();
  private loads = new Map<string, LoadState>();
  private inFlight = new Set<string>();
  private listeners = new Set<() => void>();
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private started: Promise<void> | undefined;
  private storageFull = false;
  /** Outboxes whose tab's lock was free when last looked at, and since when. */
  private unheldSince = new Map<string, number>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything shown changes (for useSyncExternalStore). */
  getVersion = () => this.version;

  private changed() {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Claims this tab's outbox, adopts closed tabs' outboxes and starts sending. Idempotent. */
  start(): Promise<void> {
    this.started ??= (async () => {
      this.tabId = await this.claimTabId();
      this.entries = this.readOutbox(this.tabId);
      for (const [id, entry] of Object.entries(this.entries)) if (isLocalOnly(entry)) delete this.entries[id];
      await this.adoptClosedTabs();
      window.setInterval(() => void this.adoptClosedTabs(), ADOPT_EVERY_MS);
      window.addEventListener("online", () => this.retryNow());
      this.changed();
      this.flush();
    })();
    return this.started;
  }

  private async claimTabId(): Promise<string> {
    if (!("locks" in navigator)) return "shared";
    const kept = sessionStorage.getItem(TAB_ID_KEY);
    // A duplicated tab inherits sessionStorage, and with it an id whose lock the original holds.
    if (kept && (await holdLock(TAB_LOCK_PREFIX + kept, RECLAIM_WAIT_MS))) return kept;
    const id = crypto.randomUUID();
    sessionStorage.setItem(TAB_ID_KEY, id);
    await holdLock(TAB_LOCK_PREFIX + id);
    return id;
  }

  private readOutbox(tabId: string): Record<string, OutboxEntry> {
    try {
      return parseStoredJson(localStorage.getItem(OUTBOX_PREFIX + tabId), storedOutboxSchema, {});
    } catch {
      return {}; // storage blocked
    }
  }

  private persist() {
    try {
      if (Object.keys(this.entries).length === 0) localStorage.removeItem(OUTBOX_PREFIX + this.tabId);
      else localStorage.setItem(OUTBOX_PREFIX + this.tabId, JSON.stringify(this.entries));
      this.storageFull = false;
    } catch {
      // Quota exceeded: the edits stay in memory and are still sent; the panel says so.
      this.storageFull = true;
    }
  }

  private async adoptClosedTabs() {
    if (!("locks" in navigator)) return;
    await navigator.locks.request(ADOPT_LOCK, async () => {
      const { held = [], pending = [] } = await navigator.locks.query();
      const alive = new Set([...held, ...pending].map((lock) => lock.name));
      let adopted = false;
      for (let index = localStorage.length - 1; index >= 0; index--) {
        const key = localStorage.key(index);
        if (!key?.startsWith(OUTBOX_PREFIX)) continue;
        const owner = key.slice(OUTBOX_PREFIX.length);
        if (owner === this.tabId || alive.has(TAB_LOCK_PREFIX + owner)) {
          this.unheldSince.delete(owner);
          continue;
        }
        const since = this.unheldSince.get(owner) ?? Date.now();
        this.unheldSince.set(owner, since);
        if (Date.now() - since < ADOPT_GRACE_MS) continue;
        this.unheldSince.delete(owner);
        this.entries = adoptEntries(this.entries, this.readOutbox(owner), () => crypto.randomUUID());
        localStorage.removeItem(key);
        adopted = true;
      }
      if (!adopted) return;
      this.persist();
      this.changed();
      this.flush();
    });
  }

  /** Fetches a chapter's notes (again); retried while the server cannot be reached. */
  async loadChapter(place: Place, attempt = 0): Promise<void> {
    const key = chapterKey(place);
    if (this.loads.get(key) !== "loaded") this.loads.set(key, "loading");
    this.changed();
    try {
      const response = await fetch(`/api/notes?course=${encodeURIComponent(place.course)}&chapter=${place.chapter}`, {
        cache: "no-store",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const { notes } = await parseResponse(response, noteListAnswerSchema);
      for (const [id, note] of this.server) if (chapterKey(note) === key) this.server.delete(id);
      for (const note of notes) this.server.set(note.id, note);
      this.loads.set(key, "loaded");
    } catch {
      if (this.loads.get(key) !== "loaded") this.loads.set(key, "failed");
      setTimeout(() => void this.loadChapter(place, attempt + 1), loadRetryDelay(attempt));
    }
    this.changed();
  }

  loadState(place: Place): LoadState {
    return this.loads.get(chapterKey(place)) ?? "loading";
  }

  /** The chapter's live notes in the order written, with this tab's unsent changes. */
  notesOf(place: Place): NoteView[] {
    const key = chapterKey(place);
    const views: NoteView[] = [];
    const ids = new Set([...this.server.keys(), ...Object.keys(this.entries)]);
    for (const id of ids) {
      const entry = this.entries[id];
      const note = this.server.get(id);
      const base = entry ?? (note ? entryForNote(note, 0) : undefined);
      if (!base || chapterKey(base) !== key || base.wanted.deleted) continue;
      views.push({
        id,
        course: base.course,
        chapter: base.chapter,
        body: base.wanted.body,
        section: base.wanted.section,
        sectionTitle: base.wanted.sectionTitle,
        timestamp: base.wanted.timestamp,
        createdAt: note?.createdAt ?? base.createdAt,
        updatedAt: note?.updatedAt ?? null,
        state: entry ? entryState(entry) : "saved",
        conflict: entry?.conflict ?? null,
        base: entry?.known?.body ?? null,
        error: entry?.error ?? null,
      });
    }
    return views.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** What the save indicator shows for a chapter (or, without one, for everything unsent). */
  stateOf(place?: Place): SyncState {
    const entries = Object.values(this.entries).filter((entry) => !place || chapterKey(entry) === chapterKey(place));
    return overallState(entries.map(entryState));
  }

  isStorageFull(): boolean {
    return this.storageFull;
  }

  /** Starts a new note (kept locally until it has text). */
  create(place: Place, content: Partial<NoteContent>): string {
    const id = crypto.randomUUID();
    const full: NoteContent = { body: "", section: null, sectionTitle: null, timestamp: null, ...content };
    this.entries[id] = newEntry({ id, ...place }, full, Date.now());
    this.persist();
    this.changed();
    return id;
  }

  edit(id: string, change: Partial<NoteSnapshot>, delay = AUTOSAVE_DELAY_MS) {
    const current =
      this.entries[id] ?? (this.server.has(id) ? entryForNote(this.server.get(id)!, Date.now()) : undefined);
    if (!current) return;
    this.entries[id] = { ...editEntry(current, change, Date.now()), retryAt: Date.now() + delay };
    this.persist();
    this.changed();
    this.schedule(this.entries[id].retryAt);
  }

  /** Forgets a new note that never got any text (closing an empty editor). */
  discardIfBlank(id: string) {
    const entry = this.entries[id];
    if (entry && isBlankDraft(entry)) {
      delete this.entries[id];
      this.persist();
      this.changed();
    }
  }

  resolve(id: string, choice: ConflictChoice) {
    const entry = this.entries[id];
    if (!entry) return;
    this.entries[id] = resolveConflict(entry, choice, Date.now());
    this.persist();
    this.changed();
    this.schedule(Date.now());
  }

  /** Tries every waiting write now (the `online` event, or the user's "retry now"). */
  retryNow() {
    for (const [id, entry] of Object.entries(this.entries)) this.entries[id] = { ...entry, retryAt: Date.now() };
    this.schedule(Date.now());
  }

  private schedule(at: number) {
    if (at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timerAt = Infinity;
        this.flush();
      },
      Math.max(0, at - Date.now()),
    );
  }

  private flush() {
    if (!this.tabId) return;
    const now = Date.now();
    for (const entry of Object.values(this.entries)) {
      if (this.inFlight.has(entry.id)) continue;
      if (entry.retryAt > now) {
        if (nextRequest(entry)) this.schedule(entry.retryAt);
        continue;
      }
      const request = nextRequest(entry);
      if (request) void this.sendEntry(entry.id, request);
      else if (isSynced(entry)) delete this.entries[entry.id];
    }
    this.persist();
  }

  private async sendEntry(id: string, request: OutboxRequest) {
    const unsent = this.entries[id];
    if (!unsent) return;
    this.inFlight.add(id);
    const sent = markSent(unsent, request);
    this.entries[id] = sent;
    this.persist();
    const response = await send(sent, request);
    this.inFlight.delete(id);
    // Read again: the entry may have changed (or gone) while the request was out.
    const entry = this.entries[id];
    if (!entry) return;
    this.entries[id] = applyResponse(entry, request, response, Date.now());
    // A 409 whose note is exactly what this tab wants (a retried save the server had already
    // applied before it died) is the server's current note too: without it a settled entry would
    // show the older text this tab last heard of.
    const resolvedConflict = response.status === 409 && !this.entries[id]?.conflict;
    if (response.note && (response.status !== 409 || resolvedConflict)) this.server.set(id, response.note);
    if (request.kind === "delete" && response.status === 204) {
      const note = this.server.get(id);
      if (note) this.server.set(id, { ...note, deletedAt: new Date().toISOString() });
    }
    this.persist();
    this.changed();
    // Typing during the request, or a failure, leaves more to send.
    const next = this.entries[id];
    if (next && nextRequest(next)) this.schedule(next.retryAt);
    else this.flush();
  }
}

/** The one store of the page (inert on the server: nothing happens until start()). */
export const noteStore = new NoteStore();
