import { describe, expect, it } from "vitest";
import { RecentValues } from "@/lib/recent-values";

describe("RecentValues", () => {
  it("keeps at most `limit` values and drops the least recently used first", () => {
    const recent = new RecentValues<string, number>(2);
    recent.set("a", 1);
    recent.set("b", 2);
    expect(recent.get("a")).toBe(1); // a is now the newest
    recent.set("c", 3);
    expect(recent.size).toBe(2);
    expect(recent.get("b")).toBeUndefined();
    expect(recent.get("a")).toBe(1);
    expect(recent.get("c")).toBe(3);
  });

  it("replaces a value set again without growing, and keeps falsy values", () => {
    const recent = new RecentValues<string, number>(3);
    recent.set("zero", 0);
    recent.set("zero", 0);
    expect(recent.size).toBe(1);
    expect(recent.get("zero")).toBe(0);
  });
});
