import { afterEach, describe, expect, it } from "vitest";
import { buildFolder } from "@/lib/build-folder";

describe("buildFolder", () => {
  const saved = process.env.NEXT_DIST_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXT_DIST_DIR;
    else process.env.NEXT_DIST_DIR = saved;
  });

  it("is .next unless NEXT_DIST_DIR names another folder, as next.config.mjs builds", () => {
    delete process.env.NEXT_DIST_DIR;
    expect(buildFolder()).toBe(".next");
    process.env.NEXT_DIST_DIR = ".next-test-3210";
    expect(buildFolder()).toBe(".next-test-3210");
  });
});
