import { pathProblem } from "@/lib/api/path-params";

/** Refuses addresses whose path does not decode cleanly: 400 with the JSON error for the API, a page otherwise. */
export function proxy(request: Request): Response | undefined {
  const { pathname } = new URL(request.url);
  const problem = pathProblem(pathname);
  if (problem === null) return undefined;
  if (pathname.startsWith("/api/")) {
    return Response.json({ error: `bad address: ${problem}`, field: "path" }, { status: 400 });
  }
  const headers = { "content-type": "text/html; charset=utf-8" };
  return new Response(badAddressPage(problem), { status: 400, headers });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A page without the app's layout (it never reached the app), in the notebook's colours. */
function badAddressPage(problem: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Bad address</title>
<body style="font-family: 'Patrick Hand', 'Comic Sans MS', cursive; background: #f4f1ea; color: #1f2430;
  background-image: linear-gradient(#e4ded2 1px, transparent 1px), linear-gradient(90deg, #e4ded2 1px, transparent 1px);
  background-size: 24px 24px; padding: 48px;">
<main data-bad-address style="max-width: 36rem; margin: 0 auto;">
<h1>This address is garbled</h1>
<p>${escapeHtml(problem)}. A link was probably cut or mistyped.</p>
<p><a href="/" style="color: #2456c9">Back to the library</a></p>
</main></body></html>`;
}

/**
 * Only addresses with a percent sign can be badly encoded. Next buffers the whole request body of
 * every request its proxy sees (and cuts it at 10 MB), so the proxy must not see ordinary writes:
 * an import streams straight to its route, which refuses an oversized body as it arrives.
 * Next matches this against the path as sent, before decoding.
 */
export const config = { matcher: ["/(.*%.*)"] };
