import { StudioScreen, type StudioParams } from "../studio-page";

export { generateStudioMetadata as generateMetadata } from "../studio-page";
// The studio always opens the file as it is on disk now.
export const dynamic = "force-dynamic";

/** The course's course.yaml, checked with the course schema as it is typed (errors at their line). */
export default function CourseStudioPage({ params }: { params: StudioParams }) {
  return <StudioScreen kind="course" params={params} />;
}
