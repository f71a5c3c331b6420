import { revalidatePath } from "next/cache";
import { failureResponse, parseInput, refuseCrossSite } from "@/lib/api/http";
import { readUpload } from "@/lib/api/upload";
import { PACK_LIMITS } from "@/lib/authoring/course-pack";
import { importCoursePack, installChoiceSchema } from "@/lib/authoring/course-share";

/**
 * POST /api/courses/import: a course pack as `multipart/form-data` (`file`, `mode`, `id`) or as
 * `application/zip` (`?mode=&id=`). `mode` = new (default) | copy (with `id`) | replace.
 * 201 `{ course, sheets, notes, diagrams, keptAside? }`; 400 `{ error, problems }` naming every
 * problem (nothing installed); 409 when the course is installed and no choice was made.
 */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const upload = await readUpload(request, {
    fileField: "file",
    rawTypes: ["application/zip"],
    maxBytes: PACK_LIMITS.packBytes,
  });
  if (!upload.ok) return upload.response;
  const { fields, bytes } = upload.upload;
  const mode = fields.get("mode") || "new";
  const choice = parseInput(installChoiceSchema, mode === "copy" ? { mode, id: fields.get("id") ?? "" } : { mode });
  if (!choice.ok) return failureResponse(choice);
  const result = await importCoursePack(bytes, choice.data);
  if (!result.ok) {
    const error = result.status === 409 ? result.problems[0] : "the course pack was refused; nothing was installed";
    return Response.json({ error, problems: result.problems, existing: result.existing }, { status: result.status });
  }
  revalidatePath("/", "layout");
  return Response.json(result, { status: 201 });
}
