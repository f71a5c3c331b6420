import fs from "node:fs";
import path from "node:path";
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
  /** One watcher a folder: each root, each course folder, each chapter folder. */
  watchers: Map<string, fs.FSWatcher>;
  /** A folder was added or removed at the root or course level: list them again before answering. */
  rescan: boolean;
  /** False when the platform cannot watch: then every read goes to the disk. */
  watching: boolean;
  /** The version of the last event in each watched folder (a chapter folder's also counts for its course). */
  changedAt: Map<string, number>;
  /** The version of the last change that concerns every folder (a write, a new set of roots). */
  everywhereAt: number;
}

const globalForContent = globalThis as typeof globalThis & { studySheetsContentWatch?: WatchState };

function stopWatching(state: WatchState) {
  for (const watcher of state.watchers.values()) watcher.close();
  state.watchers.clear();
  state.watching = false;
}

/** Every root, course folder and chapter folder: the content is never deeper than that. */
function contentFolders(roots: string[]): { folder: string; depth: number }[] {
  const folders: { folder: string; depth: number }[] = [];
  const subfolders = (folder: string) =>
    fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(folder, entry.name));
  for (const root of roots) {
    // A root made later would never be watched: without it, read the disk every time.
    if (!fs.existsSync(root)) throw new Error(`${root} does not exist yet`);
    folders.push({ folder: root, depth: 0 });
    for (const course of subfolders(root)) {
      folders.push({ folder: course, depth: 1 });
      for (const chapter of subfolders(course)) folders.push({ folder: chapter, depth: 2 });
    }
  }
  return folders;
}

/**
 * Watches each folder on its own (a folder's watcher reports its files being written, added,
 * removed or renamed). Node 20's recursive fs.watch is not used: on Linux it stats and watches
 * every file one by one when it starts, seconds for fifty courses.
 */
function syncWatchers(state: WatchState, roots: string[]) {
  state.rescan = false;
  const wanted = contentFolders(roots);
  const keep = new Set(wanted.map(({ folder }) => folder));
  for (const [folder, watcher] of state.watchers) {
    if (!keep.has(folder)) {
      watcher.close();
      state.watchers.delete(folder);
    }
  }
  for (const { folder, depth } of wanted) {
    if (state.watchers.has(folder)) continue;
    // Not persistent: a watcher must never keep a script (content:check, tests) from exiting.
    const watcher = fs.watch(folder, { persistent: false }, () => {
      state.version++;
      state.changedAt.set(folder, state.version);
      if (depth === 2) state.changedAt.set(path.dirname(folder), state.version);
      if (depth < 2) state.rescan = true;
    });
    watcher.on("error", () => {
      watcher.close();
      state.watchers.delete(folder);
      state.rescan = true;
      state.everywhereAt = ++state.version;
    });
    state.watchers.set(folder, watcher);
  }
}

function watchState(): WatchState {
  const state = (globalForContent.studySheetsContentWatch ??= {
    version: 0,
    roots: "",
    watchers: new Map(),
    rescan: false,
    watching: false,
    changedAt: new Map(),
    everywhereAt: 0,
  });
  const roots = contentRoots();
  const key = roots.join("\n");
  if (state.roots === key && !state.rescan) return state;
  if (state.roots !== key) {
    stopWatching(state);
    state.roots = key;
    state.changedAt.clear();
  }
  state.everywhereAt = ++state.version;
  try {
    syncWatchers(state, roots);
    state.watching = true;
  } catch {
    stopWatching(state);
  }
  return state;
}

/**
 * The current content version, or null when changes cannot be watched (every caller must then
 * look at the files). Equal versions mean no file under the content roots changed in between;
 * with `folder` (a course or chapter folder), no file in that folder or its course folder did.
 */
export function contentVersion(folder?: string): number | null {
  const state = watchState();
  if (!state.watching) return null;
  if (folder === undefined) return state.version;
  const course = state.changedAt.get(folder);
  const parent = state.changedAt.get(path.dirname(folder));
  return Math.max(state.everywhereAt, course ?? 0, parent ?? 0);
}

/**
 * Called after lib/content writes a file or moves a folder, so the next read sees it without
 * waiting for the watcher; a new folder (a course, a chapter) is watched from then on. A file
 * written into a folder watched already (the studio's save) changes that folder and, for a
 * chapter, its course: every other cache stays valid, and no folder is listed again.
 */
export function markContentChanged(writtenFile?: string): void {
  const state = watchState();
  const version = ++state.version;
  const folder = writtenFile === undefined ? undefined : path.dirname(path.resolve(writtenFile));
  if (folder === undefined || !state.watchers.has(folder)) {
    state.rescan = true;
    state.everywhereAt = version;
    return;
  }
  state.changedAt.set(folder, version);
  const parent = path.dirname(folder);
  if (!contentRoots().includes(parent)) state.changedAt.set(parent, version);
}
