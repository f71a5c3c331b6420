import { studioVersionRoutes } from "@/lib/studio/file-routes";

export const { GET } = studioVersionRoutes("course");
