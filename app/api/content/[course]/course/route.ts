import { studioFileRoutes } from "@/lib/studio/file-routes";

// Always read the file as it is now: the studio and other editors change it while the app runs.
export const dynamic = "force-dynamic";
export const { GET, PUT } = studioFileRoutes("course");
