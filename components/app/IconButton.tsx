import type { ComponentProps } from "react";

/**
 * A button whose face is a glyph (✎, 🗑, ✕): the glyph says nothing to a screen reader, so `label`
 * names it; `title`, when given, is the tooltip that says more.
 */
export function IconButton({
  label,
  ...props
}: { label: string } & Omit<ComponentProps<"button">, "type" | "aria-label">) {
  return <button type="button" aria-label={label} {...props} />;
}
