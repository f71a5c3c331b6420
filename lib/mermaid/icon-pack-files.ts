import fs from "node:fs";
import path from "node:path";
import {
  iconPackSchema,
  isBundledIconPack,
  loadEachPackOnce,
  type BundledIconPack,
  type IconPackSource,
} from "./icons";

/**
 * The installed `icons.json` of a pack, as npm put it under node_modules. Found from the working
 * folder (where `npm run` starts the server, the scripts and the tests), not through the bundler's
 * resolver: resolving it would make Next bundle the 12 MB the packs are kept out of.
 */
function iconPackPath(pack: BundledIconPack): string {
  return path.join(process.cwd(), "node_modules", "@iconify-json", pack, "icons.json");
}

/** A pack's file for /api/icons, with a validator that changes when npm installs another version; null when no such pack. */
export function iconPackFile(pack: string): { path: string; etag: string } | null {
  if (!isBundledIconPack(pack)) return null;
  const file = iconPackPath(pack);
  const stat = fs.statSync(file);
  return { path: file, etag: `"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}"` };
}

/** The packs as the server and content:check read them: the installed file, parsed once. */
export const readIconPack: IconPackSource = loadEachPackOnce(async (pack) =>
  iconPackSchema.parse(JSON.parse(await fs.promises.readFile(iconPackPath(pack), "utf8"))),
);
