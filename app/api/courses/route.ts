import { revalidatePath } from "next/cache";
import { failureResponse, parseJsonRequest } from "@/lib/api/http";
import { newCourseInputSchema } from "@/lib/authoring/course-files";
import { createCourse } from "@/lib/authoring/course-share";
import { refusalResponse } from "@/lib/authoring/refusals";

const MAX_BYTES = 6_000_000;

/**
 * POST /api/courses `{ id, title, titleKr?, author, source_url, markers, transcript? }` → 201
 * `{ id, chapters, sources }`; 400 `{ error, code, problems: [{ field, line, code, values, message }] }`
 * naming each bad line (nothing written); 409 when the id is taken.
 */
export async function POST(request: Request) {
  const input = await parseJsonRequest(request, newCourseInputSchema, MAX_BYTES);
  if (!input.ok) return failureResponse(input);
  const result = await createCourse(input.data);
  if (!result.ok) return refusalResponse(result);
  revalidatePath("/", "layout");
  return Response.json(result, { status: 201 });
}
