import Markdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/** The page has its own h1 (the chapter): the passage's headings move one level down. */
const SHIFTED_HEADINGS: Components = {
  h1: ({ children }) => <h2>{children}</h2>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

/** A markdown passage of a source page (summary, key points), sanitized: content is never trusted as HTML. */
export function SourceMarkdown({ text }: { text: string }) {
  return (
    // Content, never translated (translate="no" also tells the interface-language check to skip it).
    <div className="source-markdown" translate="no">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={SHIFTED_HEADINGS}>
        {text}
      </Markdown>
    </div>
  );
}
