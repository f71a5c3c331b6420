import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { releaseIdleMemory } from "@/lib/release-idle-memory";

const MB = 1024 * 1024;

function youngGenerationSize(): number {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? NaN;
}

describe("releaseIdleMemory", () => {
  it("frees what a finished burst of work left behind and hands back the heap's spare room", async () => {
    let burst: { index: number; label: string }[] | null = null;
    // Many short-lived objects first, as a server's requests make: V8 grows its young generation for them.
    for (let round = 0; round < 20; round++)
      burst = Array.from({ length: 200_000 }, (_, index) => ({ index, label: `item ${index}` }));
    expect(burst).toHaveLength(200_000);
    const used = process.memoryUsage().heapUsed;
    const young = youngGenerationSize();
    expect(young).toBeGreaterThan(4 * MB);
    burst = null;

    await releaseIdleMemory();

    expect(used - process.memoryUsage().heapUsed).toBeGreaterThan(10 * MB);
    expect(youngGenerationSize()).toBeLessThan(young / 2);
  });
});
