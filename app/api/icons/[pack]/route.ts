import fs from "node:fs/promises";
import { jsonError } from "@/lib/api/http";
import { BUNDLED_ICON_PACKS } from "@/lib/mermaid/icons";
import { iconPackFile } from "@/lib/mermaid/icon-pack-files";

type Params = Promise<{ pack: string }>;

/** GET /api/icons/<pack> → the installed Iconify JSON of a diagram icon pack (lib/mermaid/icons). */
export async function GET(request: Request, { params }: { params: Params }) {
  const { pack } = await params;
  const file = iconPackFile(pack);
  if (!file)
    return jsonError(404, `there is no icon pack "${pack}" (bundled: ${BUNDLED_ICON_PACKS.join(", ")})`, "pack");
  // Megabytes the browser keeps: it asks again each time, and gets "not modified" until npm installs another version.
  const headers = { "Cache-Control": "no-cache", ETag: file.etag };
  if (request.headers.get("if-none-match") === file.etag) return new Response(null, { status: 304, headers });
  const json = await fs.readFile(file.path);
  return new Response(new Uint8Array(json), { headers: { ...headers, "Content-Type": "application/json" } });
}
