import { jsonError } from "@/lib/api/http";
import { PdfError } from "@/lib/pdf/errors";
import { chapterThumbnail } from "@/lib/thumbnails/thumbnails";

type Params = Promise<{ course: string; chapter: string }>;

/** GET /api/thumbnails/<course>/<n>?v=<key> → the sheet as a small WebP picture (lib/thumbnails). */
export async function GET(request: Request, { params }: { params: Params }) {
  const { course, chapter } = await params;
  const url = new URL(request.url);
  try {
    const thumbnail = await chapterThumbnail(course, chapter, url.origin);
    if (thumbnail.kind === "not-found") return jsonError(404, thumbnail.error);
    // A URL naming the current picture never changes; any other gets revalidated.
    const current = url.searchParams.get("v") === thumbnail.key;
    return new Response(new Uint8Array(thumbnail.picture), {
      headers: {
        "Content-Type": "image/webp",
        "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
        ETag: `"${thumbnail.key}"`,
      },
    });
  } catch (error) {
    const status = error instanceof PdfError ? error.status : 500;
    return jsonError(
      status,
      `the sheet's picture could not be made: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
