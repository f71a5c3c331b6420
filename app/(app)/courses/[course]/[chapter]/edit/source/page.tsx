import { StudioScreen, type StudioParams } from "../studio-page";

export { generateStudioMetadata as generateMetadata } from "../studio-page";
// The studio always opens the file as it is on disk now.
export const dynamic = "force-dynamic";

/** The chapter's source.md beside its source page (summary and transcript, timestamps as links). */
export default function SourceStudioPage({ params }: { params: StudioParams }) {
  return <StudioScreen kind="source" params={params} />;
}
