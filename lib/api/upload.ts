import { jsonError, readLimitedBody } from "./http";

/** An uploaded file: its bytes, and the form's other text fields. */
interface Upload {
  bytes: Uint8Array;
  fields: Map<string, string>;
}

export type UploadResult = { ok: true; upload: Upload } | { ok: false; response: Response };

/**
 * A file upload: `multipart/form-data` with one file in `fileField` (other fields are kept as
 * text), or the raw file as the body with one of `rawTypes` (fields from the query string).
 * Anything else is 415; over `maxBytes` 413; a form without the file 400.
 */
export async function readUpload(
  request: Request,
  options: { fileField: string; rawTypes: string[]; maxBytes: number },
): Promise<UploadResult> {
  const [mediaType = ""] = (request.headers.get("content-type") ?? "").split(";");
  const type = mediaType.trim().toLowerCase();
  const multipart = type === "multipart/form-data";
  if (!multipart && !options.rawTypes.includes(type)) {
    const accepted = ["multipart/form-data", ...options.rawTypes].join(" or ");
    return { ok: false, response: jsonError(415, `send the file as ${accepted}`) };
  }
  const body = await readLimitedBody(request, options.maxBytes);
  if (body === null)
    return { ok: false, response: jsonError(413, `the upload is over the limit of ${options.maxBytes} bytes`) };
  const fields = new Map<string, string>();
  if (!multipart) {
    for (const [key, value] of new URL(request.url).searchParams) fields.set(key, value);
    return { ok: true, upload: { bytes: body, fields } };
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.from(body), {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return { ok: false, response: jsonError(400, "the form could not be read") };
  }
  let file: File | null = null;
  for (const [key, value] of form) {
    if (typeof value === "string") fields.set(key, value);
    else if (key === options.fileField) file = value;
  }
  if (!file)
    return { ok: false, response: jsonError(400, `the form has no file in "${options.fileField}"`, options.fileField) };
  return { ok: true, upload: { bytes: new Uint8Array(await file.arrayBuffer()), fields } };
}
