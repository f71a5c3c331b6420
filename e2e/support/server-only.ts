// The spec files read content through lib/ modules that are marked `import "server-only"` (they
// touch files); the Playwright runner is not a React server, so it resolves that marker here
// (tsconfig.e2e.json) to this empty module. Next's own build still enforces the real one.
export {};
