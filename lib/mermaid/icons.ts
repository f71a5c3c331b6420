import type { IconifyIcon, IconifyJSON } from "@iconify/types";

/**
 * The Iconify packs bundled for diagrams (`logos:aws-s3`, `mdi:database`, `fa:user`), so they draw
 * offline. Each is its own chunk, loaded the first time a diagram asks for one of its icons (logos
 * alone is 8 MB of JSON): the browser registers these loaders with Mermaid
 * (components/mermaid/icon-packs), content:check uses them to name icons no pack has (those draw
 * as a named placeholder).
 */
const ICON_PACK_LOADERS = {
  logos: () => import("@iconify-json/logos").then((pack) => pack.icons),
  mdi: () => import("@iconify-json/mdi").then((pack) => pack.icons),
  fa: () => import("@iconify-json/fa").then((pack) => pack.icons),
} satisfies Record<string, () => Promise<IconifyJSON>>;
type BundledIconPack = keyof typeof ICON_PACK_LOADERS;
export const BUNDLED_ICON_PACKS = Object.keys(ICON_PACK_LOADERS) as BundledIconPack[];

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

/** A bundled pack, loaded once (the browser's and content:check's copy). */
export function loadIconPack(pack: BundledIconPack): Promise<IconifyJSON> {
  let set = loaded.get(pack);
  if (!set) {
    set = ICON_PACK_LOADERS[pack]();
    loaded.set(pack, set);
  }
  return set;
}

/** An icon a diagram names that it will not find: its pack is not bundled, or the pack has no such icon. */
export interface MissingIcon {
  pack: string;
  name: string;
  missing: "pack" | "icon";
}

export async function missingIcons(code: string): Promise<MissingIcon[]> {
  const missing: MissingIcon[] = [];
  for (const { pack, name } of iconReferences(code)) {
    if (!isBundled(pack)) {
      missing.push({ pack, name, missing: "pack" });
      continue;
    }
    const set = await loadIconPack(pack);
    if (!Object.hasOwn(set.icons, name) && !Object.hasOwn(set.aliases ?? {}, name))
      missing.push({ pack, name, missing: "icon" });
  }
  return missing;
}

/** The icons a diagram uses that no bundled pack has, as messages naming each. */
/** What content:check says of a missing icon, in English. */
export function unknownIconMessage({ pack, name, missing }: MissingIcon): string {
  return missing === "pack"
    ? `icon "${pack}:${name}": there is no icon pack "${pack}" (bundled: ${BUNDLED_ICON_PACKS.join(", ")}); it draws as a placeholder named "${pack}:${name}"`
    : `icon "${pack}:${name}" is not in the ${pack} pack; it draws as a placeholder named "${pack}:${name}": check the name on icones.js.org`;
}

export async function unknownIcons(code: string): Promise<string[]> {
  return (await missingIcons(code)).map(unknownIconMessage);
}

/**
 * What a missing icon draws instead of Mermaid's anonymous "?": a dashed box with the icon's pack
 * and name written in it, so the reader sees which icon is missing. (Names are [a-z0-9-] only, see
 * ICON_REFERENCES: nothing to escape.)
 */
export function placeholderIcon(pack: string, name: string): IconifyIcon {
  const nameSize = Math.min(18, Math.floor(72 / (0.58 * Math.max(name.length, 1))));
  const packSize = Math.min(12, Math.floor(72 / (0.58 * Math.max(pack.length + 1, 1))));
  return {
    width: 80,
    height: 80,
    body:
      `<g data-icon-placeholder="${pack}:${name}">` +
      `<rect x="2" y="2" width="76" height="76" rx="8" fill="#fff6c7" stroke="#b42318" stroke-width="3" stroke-dasharray="7 5"/>` +
      `<text x="40" y="30" text-anchor="middle" font-family="sans-serif" font-size="${packSize}" fill="#8c1d12">${pack}:</text>` +
      `<text x="40" y="52" text-anchor="middle" font-family="sans-serif" font-size="${nameSize}" font-weight="700" fill="#8c1d12">${name}</text>` +
      `</g>`,
  };
}

/**
 * The icon sets to register with Mermaid before drawing `code`, so that each icon it names and no
 * pack has draws as its named placeholder: a bundled pack with the placeholders added, or a pack
 * of placeholders only. Empty when every icon is found.
 */
export async function placeholderIconSets(code: string): Promise<{ name: string; icons: IconifyJSON }[]> {
  const byPack = new Map<string, Record<string, IconifyIcon>>();
  for (const { pack, name } of await missingIcons(code))
    byPack.set(pack, { ...byPack.get(pack), [name]: placeholderIcon(pack, name) });
  return Promise.all(
    [...byPack].map(async ([pack, placeholders]) => {
      const set: IconifyJSON = isBundled(pack) ? await loadIconPack(pack) : { prefix: pack, icons: {} };
      return { name: pack, icons: { ...set, icons: { ...set.icons, ...placeholders } } };
    }),
  );
}
