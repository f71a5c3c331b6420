import type { Mermaid } from "mermaid";
import { ICON_PACK_LOADERS } from "@/lib/mermaid/icons";

/** Registers the bundled icon packs with Mermaid; each loads only when a diagram first needs it. */
export function registerIconPacks(mermaid: Mermaid) {
  mermaid.registerIconPacks(Object.entries(ICON_PACK_LOADERS).map(([name, loader]) => ({ name, loader })));
}
