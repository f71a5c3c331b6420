import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failureResponse, jsonError, parseJsonRequest } from "@/lib/api/http";
import { LAYOUT_PRESET_IDS } from "@/lib/authoring/layout-presets";
import { refusalResponse } from "@/lib/authoring/refusals";
import { createSheetFromPreset } from "@/lib/authoring/sheet-create";
import { parseChapterParam } from "@/lib/content/chapter";

const bodySchema = z.strictObject({ preset: z.enum(LAYOUT_PRESET_IDS) });

/**
 * POST /api/content/<course>/<n>/new-sheet `{ preset }` → 201 `{ course, chapter }`: the chapter
 * folder and a sheet.mdx with the preset's layout and one <Section> stub a cell. 409 when the
 * chapter has a sheet (never overwritten), 404 for a chapter the course does not list.
 */
export async function POST(request: Request, { params }: { params: Promise<{ course: string; chapter: string }> }) {
  const body = await parseJsonRequest(request, bodySchema, 10_000);
  if (!body.ok) return failureResponse(body);
  const { course, chapter } = await params;
  const number = parseChapterParam(chapter);
  if (number === null) return jsonError(404, `no chapter "${chapter}"`);
  const result = await createSheetFromPreset(course, number, body.data.preset);
  if (!result.ok) return refusalResponse(result);
  // A new sheet changes this chapter, its print page and every chapter switcher: refresh all pages.
  revalidatePath("/", "layout");
  return Response.json({ course: result.course, chapter: result.chapter }, { status: 201 });
}
