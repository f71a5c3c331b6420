import { studioHistoryRoutes } from "@/lib/studio/file-routes";

export const dynamic = "force-dynamic";
export const { GET } = studioHistoryRoutes("source");
