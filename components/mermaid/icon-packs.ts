import type { Mermaid } from "mermaid";
import { fetchJson } from "@/lib/api/client";
import {
  BUNDLED_ICON_PACKS,
  iconPackSchema,
  loadEachPackOnce,
  placeholderIconSets,
  type IconPackSource,
} from "@/lib/mermaid/icons";

/** The browser's packs: fetched from the server (app/api/icons) the first time a diagram names one of their icons. */
export const fetchIconPack: IconPackSource = loadEachPackOnce((pack) =>
  fetchJson(`/api/icons/${pack}`, iconPackSchema),
);

/** Registers the bundled icon packs with Mermaid; each loads only when a diagram first needs it. */
export function registerIconPacks(mermaid: Mermaid) {
  mermaid.registerIconPacks(BUNDLED_ICON_PACKS.map((name) => ({ name, loader: () => fetchIconPack(name) })));
}

/** Before `code` is drawn: the icons it names that no pack has are registered as named placeholders. */
export async function registerPlaceholderIcons(mermaid: Mermaid, code: string) {
  const sets = await placeholderIconSets(code, fetchIconPack);
  if (sets.length > 0) mermaid.registerIconPacks(sets);
}
