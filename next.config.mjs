// JavaScript, not TypeScript: Next transpiles a next.config.ts with its SWC compiler at every start,
// which maps that 100 MB native module into the server for good (30 MB more memory, idle or not).
import createNextIntlPlugin from "next-intl/plugin";

// The interface language of each request (cookie or Accept-Language): i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // The e2e suite builds into its own folder (with test fixtures) so it never clobbers the
  // user's production build in .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native or browser-driving packages must stay plain Node requires, not bundled.
  serverExternalPackages: ["better-sqlite3", "playwright-core", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // The app answers only on 127.0.0.1: gzip saves no transfer there and costs CPU on both sides of
  // every answer (an empty route handler did 10–30 % more requests a second without it; a booklet
  // of 24 sheets, server and its Chromium, 5.3 → 4.8 s of CPU).
  compress: false,
  env: {
    // Names this build to the browser, which keeps its diagrams' drawings per build
    // (components/mermaid/stored-drawings); `next dev` keeps none (its code changes under it).
    STUDY_SHEETS_BUILD: process.env.NODE_ENV === "production" ? Date.now().toString(36) : "",
  },
  // `npm test` type-checks the whole project (tests, e2e, scripts and bench too) with `tsc --noEmit`
  // before anything else; the build's own pass over the app's part took 7–21 s of every build.
  typescript: { ignoreBuildErrors: true },
  devIndicators: false,
  experimental: {
    // Turbopack's build cache doubled .next (64 MB of build, 127 MB of cache) for a speed-up only a
    // rebuild of unchanged code sees; a student's machine keeps the smaller folder.
    turbopackFileSystemCacheForBuild: false,
    // Source maps made up 140 of the build's 216 MB (the bundled icon packs' alone 30 MB): a build
    // for studying ships without them; `next dev` (NODE_ENV development) keeps them for debugging.
    turbopackSourceMaps: process.env.NODE_ENV !== "production",
  },
};

export default withNextIntl(nextConfig);
