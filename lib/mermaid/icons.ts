import type { IconifyJSON } from "@iconify/types";

/**
 * The Iconify packs bundled for diagrams (`logos:aws-s3`, `mdi:database`, `fa:user`), so they draw
 * offline. Each is its own chunk, loaded the first time a diagram asks for one of its icons (logos
 * alone is 8 MB of JSON): the browser registers these loaders with Mermaid
 * (components/mermaid/icon-packs), content:check uses them to name icons no pack has (those draw
 * as a "?" placeholder).
 */
export const ICON_PACK_LOADERS = {
  logos: () => import("@iconify-json/logos").then((pack) => pack.icons),
  mdi: () => import("@iconify-json/mdi").then((pack) => pack.icons),
  fa: () => import("@iconify-json/fa").then((pack) => pack.icons),
} satisfies Record<string, () => Promise<IconifyJSON>>;
type BundledIconPack = keyof typeof ICON_PACK_LOADERS;
const BUNDLED_ICON_PACKS = Object.keys(ICON_PACK_LOADERS) as BundledIconPack[];

/** `pack:name` as architecture diagrams write it, `(logos:aws-s3)`, and flowcharts, `icon: "fa:user"`. */
const ICON_REFERENCES = [/\(([a-z0-9-]+):([a-z0-9-]+)\)/g, /\bicon:\s*["']([a-z0-9-]+):([a-z0-9-]+)["']/g];

export function iconReferences(code: string): { pack: string; name: string }[] {
  return ICON_REFERENCES.flatMap((pattern) =>
    [...code.matchAll(pattern)].map((match) => ({ pack: match[1] ?? "", name: match[2] ?? "" })),
  );
}

function isBundled(pack: string): pack is BundledIconPack {
  return Object.hasOwn(ICON_PACK_LOADERS, pack);
}

const loaded = new Map<BundledIconPack, Promise<IconifyJSON>>();

/** The icons a diagram uses that no bundled pack has, as messages naming each. */
export async function unknownIcons(code: string): Promise<string[]> {
  const problems: string[] = [];
  for (const { pack, name } of iconReferences(code)) {
    if (!isBundled(pack)) {
      problems.push(
        `icon "${pack}:${name}": there is no icon pack "${pack}" (bundled: ${BUNDLED_ICON_PACKS.join(", ")}); it draws as a "?"`,
      );
      continue;
    }
    if (!loaded.has(pack)) loaded.set(pack, ICON_PACK_LOADERS[pack]());
    const set = await loaded.get(pack);
    if (set && !Object.hasOwn(set.icons, name) && !Object.hasOwn(set.aliases ?? {}, name)) {
      problems.push(
        `icon "${pack}:${name}" is not in the ${pack} pack; it draws as a "?": check the name on icones.js.org`,
      );
    }
  }
  return problems;
}
