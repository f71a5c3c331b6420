// hast-util-to-jsx-runtime types what it renders with the global JSX namespace, which React 19's
// types no longer declare (its results were typed as errors): point that namespace at React's own.
import type { JSX as ReactJSX } from "react";

declare global {
  namespace JSX {
    type Element = ReactJSX.Element;
    type ElementClass = ReactJSX.ElementClass;
    type IntrinsicElements = ReactJSX.IntrinsicElements;
  }
}
