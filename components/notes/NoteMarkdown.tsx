import Markdown, { type Components } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { TextLink } from "@/components/app/TextLink";
import { safeUrl } from "@/lib/links/safe-url";
import { remarkHtmlAsText } from "@/lib/notes/markdown";

/** rehype-sanitize's GitHub-like schema, with link schemes narrowed to the ones safeUrl keeps. */
const schema = { ...defaultSchema, protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] } };

const components: Components = {
  a: ({ href, children }) => (
    <TextLink href={href ?? ""} deadClassName="note-dead-link" nofollow>
      {children}
    </TextLink>
  ),
  // Images are not loaded: a note must not make the page fetch from elsewhere (privacy, offline).
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow" className="note-image-link">
        🖼 {alt || "image"}
      </a>
    ) : (
      <span>🖼 {alt}</span>
    ),
};

/**
 * A note's Markdown, safely: GitHub-flavoured Markdown only, raw HTML shown as text, the result
 * sanitised, and links limited to http(s), mailto and the app's own pages. Works in server and
 * client components.
 */
export function NoteMarkdown({ text }: { text: string }) {
  return (
    <Markdown
      remarkPlugins={[remarkGfm, remarkHtmlAsText]}
      rehypePlugins={[[rehypeSanitize, schema]]}
      urlTransform={safeUrl}
      components={components}
    >
      {text}
    </Markdown>
  );
}
