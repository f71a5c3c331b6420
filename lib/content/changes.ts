import fs from "node:fs";
import { contentRoots } from "./roots";

/**
 * Whether anything under the content folders may have changed, without reading them: a counter
 * that a file-system watcher on every content root moves on each event, and that writes through
 * lib/content/write move at once (so the studio's save is seen by the very next request, before
 * its watcher event arrives).
 *
 * Reading course.yaml and listing a course's chapter folders costs about a millisecond here (each
 * file-system call is slow in this sandbox), too much for every note saved and every search over
 * fifty courses; with the counter unchanged, the caches answer without touching the disk.
 */
interface WatchState {
  version: number;
  /** The roots watched, joined; the watchers are set up again when CONTENT_DIR changes. */
  roots: string;
  watchers: fs.FSWatcher[];
  /** False when the platform cannot watch: then every read goes to the disk. */
  watching: boolean;
}

const globalForContent = globalThis as typeof globalThis & { studySheetsContentWatch?: WatchState };

function stopWatching(state: WatchState) {
  for (const watcher of state.watchers) watcher.close();
  state.watchers = [];
  state.watching = false;
}

function watchState(): WatchState {
  const state = (globalForContent.studySheetsContentWatch ??= { version: 0, roots: "", watchers: [], watching: false });
  const roots = contentRoots();
  const key = roots.join("\n");
  if (state.roots === key) return state;
  stopWatching(state);
  state.roots = key;
  state.version++;
  try {
    for (const root of roots) {
      if (!fs.existsSync(root)) throw new Error(`${root} does not exist yet`);
      // Not persistent: a watcher must never keep a script (content:check, tests) from exiting.
      const watcher = fs.watch(root, { recursive: true, persistent: false }, () => {
        state.version++;
      });
      watcher.on("error", () => {
        stopWatching(state);
        state.version++;
      });
      state.watchers.push(watcher);
    }
    state.watching = true;
  } catch {
    stopWatching(state);
  }
  return state;
}

/**
 * The current content version, or null when changes cannot be watched (every caller must then
 * look at the files). Equal versions mean no file under the content roots changed in between.
 */
export function contentVersion(): number | null {
  const state = watchState();
  return state.watching ? state.version : null;
}

/** Called after lib/content writes a file, so the next read sees it without waiting for the watcher. */
export function markContentChanged(): void {
  watchState().version++;
}
