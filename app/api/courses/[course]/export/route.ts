import { jsonError } from "@/lib/api/http";
import { exportCoursePack } from "@/lib/authoring/course-share";

/** GET /api/courses/<course>/export[?notes=1] → the course pack (.zip), with notes and diagram edits on request. */
export async function GET(request: Request, { params }: { params: Promise<{ course: string }> }) {
  const { course } = await params;
  const withNotes = new URL(request.url).searchParams.get("notes") === "1";
  const pack = await exportCoursePack(course, { withNotes });
  if (!pack) return jsonError(404, `no course "${course}" (or it has content errors)`);
  return new Response(Buffer.from(pack.bytes), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${pack.fileName}"`,
      "cache-control": "no-store",
    },
  });
}
