import type { IconifyIcon, IconifyJSON } from "@iconify/types";
import { z } from "zod";

/**
 * The Iconify packs installed for diagrams (`logos:aws-s3`, `mdi:database`, `fa:user`), so they draw
 * offline. They are read at run time, never bundled: bundled, the 12 MB of JSON (logos alone 8 MB)
 * went into the browser's, the page renderer's and the server's bundles, half of `.next`. Each loads the first time a diagram names one of its icons: the browser
 * fetches it from /api/icons/<pack> (components/mermaid/icon-packs), content:check and the studio's
 * save-time check read the installed file (lib/mermaid/icon-pack-files).
 */
export const BUNDLED_ICON_PACKS = ["logos", "mdi", "fa"] as const;
export type BundledIconPack = (typeof BUNDLED_ICON_PACKS)[number];

/** Where a pack's icons come from: the installed file on the server, /api/icons in the browser. */
export type IconPackSource = (pack: BundledIconPack) => Promise<IconifyJSON>;

export function isBundledIconPack(pack: string): pack is BundledIconPack {
  return (BUNDLED_ICON_PACKS as readonly string[]).includes(pack);
}

/** A source that loads each pack once (a pack is megabytes of JSON). */
export function loadEachPackOnce(load: IconPackSource): IconPackSource {
  const loaded = new Map<BundledIconPack, Promise<IconifyJSON>>();
  return (pack) => {
    let set = loaded.get(pack);
    if (!set) {
      set = load(pack);
      // A failed load (the server was away) is tried again next time, not remembered.
      set.catch(() => loaded.delete(pack));
      loaded.set(pack, set);
    }
    return set;
  };
}

const iconTransform = {
  left: z.number().optional(),
  top: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  rotate: z.number().optional(),
  hFlip: z.boolean().optional(),
  vFlip: z.boolean().optional(),
};

/** The part of an Iconify JSON file Mermaid draws from: each icon's body and size, and the aliases. */
export const iconPackSchema = z.object({
  prefix: z.string(),
  icons: z.record(z.string(), z.object({ body: z.string(), ...iconTransform })),
  aliases: z.record(z.string(), z.object({ parent: z.string(), ...iconTransform })).optional(),
  width: z.number().optional(),
  height: z.number().optional(),
}) satisfies z.ZodType<IconifyJSON>;

/** `pack:name` as architecture diagrams write it, `(logos:aws-s3)`, and flowcharts, `icon: "fa:user"`. */
const ICON_REFERENCES = [/\(([a-z0-9-]+):([a-z0-9-]+)\)/g, /\bicon:\s*["']([a-z0-9-]+):([a-z0-9-]+)["']/g];

export function iconReferences(code: string): { pack: string; name: string }[] {
  return ICON_REFERENCES.flatMap((pattern) =>
    [...code.matchAll(pattern)].map((match) => ({ pack: match[1] ?? "", name: match[2] ?? "" })),
  );
}

/** An icon a diagram names that it will not find: its pack is not bundled, or the pack has no such icon. */
export interface MissingIcon {
  pack: string;
  name: string;
  missing: "pack" | "icon";
}

export async function missingIcons(code: string, loadPack: IconPackSource): Promise<MissingIcon[]> {
  const missing: MissingIcon[] = [];
  for (const { pack, name } of iconReferences(code)) {
    if (!isBundledIconPack(pack)) {
      missing.push({ pack, name, missing: "pack" });
      continue;
    }
    const set = await loadPack(pack);
    if (!Object.hasOwn(set.icons, name) && !Object.hasOwn(set.aliases ?? {}, name))
      missing.push({ pack, name, missing: "icon" });
  }
  return missing;
}

/** What content:check says of a missing icon, in English. */
export function unknownIconMessage({ pack, name, missing }: MissingIcon): string {
  return missing === "pack"
    ? `icon "${pack}:${name}": there is no icon pack "${pack}" (bundled: ${BUNDLED_ICON_PACKS.join(", ")}); it draws as a placeholder named "${pack}:${name}"`
    : `icon "${pack}:${name}" is not in the ${pack} pack; it draws as a placeholder named "${pack}:${name}": check the name on icones.js.org`;
}

/** The icons a diagram uses that no bundled pack has, as messages naming each. */
export async function unknownIcons(code: string, loadPack: IconPackSource): Promise<string[]> {
  return (await missingIcons(code, loadPack)).map(unknownIconMessage);
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
export async function placeholderIconSets(
  code: string,
  loadPack: IconPackSource,
): Promise<{ name: string; icons: IconifyJSON }[]> {
  const byPack = new Map<string, Record<string, IconifyIcon>>();
  for (const { pack, name } of await missingIcons(code, loadPack))
    byPack.set(pack, { ...byPack.get(pack), [name]: placeholderIcon(pack, name) });
  return Promise.all(
    [...byPack].map(async ([pack, placeholders]) => {
      const set: IconifyJSON = isBundledIconPack(pack) ? await loadPack(pack) : { prefix: pack, icons: {} };
      return { name: pack, icons: { ...set, icons: { ...set.icons, ...placeholders } } };
    }),
  );
}
