/**
 * `next build` into NEXT_DIST_DIR (else .next), as the e2e suite builds before it starts its server,
 * with tsconfig.json left as it was (see `nextBuild`).
 *
 *   npx tsx scripts/next-build.ts
 */
import { nextBuild } from "./next-server";

try {
  const took = nextBuild(process.env.NEXT_DIST_DIR ?? ".next", process.env, "inherit");
  console.log(`built into ${process.env.NEXT_DIST_DIR ?? ".next"} in ${(took / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
