import { revalidatePath } from "next/cache";
import { failureResponse, parseInput, refuseCrossSite } from "@/lib/api/http";
import { readUpload } from "@/lib/api/upload";
import { PACK_LIMITS } from "@/lib/authoring/course-pack";
import { importCoursePack, installChoiceSchema } from "@/lib/authoring/course-share";
import { refusalResponse } from "@/lib/authoring/refusals";

/**
 * POST /api/courses/import: a course pack as `multipart/form-data` (`file`, `mode`, `id`) or as
 * `application/zip` (`?mode=&id=`). `mode` = new (default) | copy (with `id`) | replace.
 * 201 `{ course, sheets, notes, diagrams, keptAside? }`; 400 `{ error, code, problems }` naming every
 * problem (nothing installed); 409 `{ error, code, existing }` when the course is installed and no
 * choice was made.
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
    const { status, problems, existing } = result;
    return existing !== undefined
      ? refusalResponse({ status, code: "packInstalled", values: { id: existing }, error: problems[0] ?? "", existing })
      : refusalResponse({
          status,
          code: "packRefused",
          error: "the course pack was refused; nothing was installed",
          problems,
        });
  }
  revalidatePath("/", "layout");
  return Response.json(result, { status: 201 });
}
