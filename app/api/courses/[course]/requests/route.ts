import { revalidatePath } from "next/cache";
import { refuseCrossSite } from "@/lib/api/http";
import { readUpload } from "@/lib/api/upload";
import { refusalResponse } from "@/lib/authoring/refusals";
import { importRequest } from "@/lib/authoring/sheet-create";

const MAX_BYTES = 1_000_000;

/**
 * POST /api/courses/<course>/requests: a cheat-sheet request (seeds' format) as
 * `multipart/form-data` (`file`, optional `chapter`) or `text/plain` / `text/markdown`
 * (`?chapter=`) → 201 `{ course, chapter, remarks }`; 400 `{ error, code, problems }` with the lines
 * the importer could not read; 404 unknown course or chapter; 409 the chapter already has a sheet.
 */
export async function POST(request: Request, { params }: { params: Promise<{ course: string }> }) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const { course } = await params;
  const upload = await readUpload(request, {
    fileField: "file",
    rawTypes: ["text/plain", "text/markdown"],
    maxBytes: MAX_BYTES,
  });
  if (!upload.ok) return upload.response;
  const chapterField = upload.upload.fields.get("chapter")?.trim();
  if (chapterField && !/^[1-9]\d?$/.test(chapterField))
    return refusalResponse({
      status: 400,
      code: "chapterNumber",
      error: "chapter: a chapter is a number from 1 to 99",
      field: "chapter",
    });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(upload.upload.bytes);
  } catch {
    return refusalResponse({
      status: 400,
      code: "notUtf8",
      error: "the request file is not UTF-8 text",
      field: "file",
    });
  }
  const result = await importRequest(course, text, { chapter: chapterField ? Number(chapterField) : undefined });
  if (!result.ok) return refusalResponse(result);
  // A new sheet changes this chapter, its print page and every chapter switcher: refresh all pages.
  revalidatePath("/", "layout");
  return Response.json({ course: result.course, chapter: result.chapter, remarks: result.remarks }, { status: 201 });
}
