import type { Mermaid } from "mermaid";
import { BUNDLED_ICON_PACKS, loadIconPack, placeholderIconSets } from "@/lib/mermaid/icons";

/** Registers the bundled icon packs with Mermaid; each loads only when a diagram first needs it. */
export function registerIconPacks(mermaid: Mermaid) {
  mermaid.registerIconPacks(BUNDLED_ICON_PACKS.map((name) => ({ name, loader: () => loadIconPack(name) })));
}

/** Before `code` is drawn: the icons it names that no pack has are registered as named placeholders. */
export async function registerPlaceholderIcons(mermaid: Mermaid, code: string) {
  const sets = await placeholderIconSets(code);
  if (sets.length > 0) mermaid.registerIconPacks(sets);
}
