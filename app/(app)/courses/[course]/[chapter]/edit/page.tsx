import { StudioScreen, type StudioParams } from "./studio-page";

export { generateStudioMetadata as generateMetadata } from "./studio-page";
// The studio always opens the file as it is on disk now.
export const dynamic = "force-dynamic";

/** The sheet studio: sheet.mdx beside the live A4 page. */
export default function SheetStudioPage({ params }: { params: StudioParams }) {
  return <StudioScreen kind="sheet" params={params} />;
}
