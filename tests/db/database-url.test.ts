import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabasePath, resolveDatabaseUrl } from "@/lib/db/database-url";

const cwd = path.resolve("/srv/study-sheets");

describe("resolveDatabasePath", () => {
  it("defaults to data/study.db under the working directory", () => {
    expect(resolveDatabasePath({}, cwd)).toBe(path.join(cwd, "data", "study.db"));
    expect(resolveDatabasePath({ DATABASE_URL: "  " }, cwd)).toBe(path.join(cwd, "data", "study.db"));
  });

  it("resolves relative file: URLs against the working directory", () => {
    expect(resolveDatabasePath({ DATABASE_URL: "file:./data/dev.db" }, cwd)).toBe(path.join(cwd, "data", "dev.db"));
    expect(resolveDatabasePath({ DATABASE_URL: "file:other.db" }, cwd)).toBe(path.join(cwd, "other.db"));
    expect(resolveDatabasePath({ DATABASE_URL: "file:../shared/x.db" }, cwd)).toBe(
      path.resolve(cwd, "..", "shared", "x.db"),
    );
  });

  it("keeps absolute paths and understands file:/// URLs", () => {
    expect(resolveDatabasePath({ DATABASE_URL: "file:/tmp/x.db" }, cwd)).toBe("/tmp/x.db");
    expect(resolveDatabasePath({ DATABASE_URL: "file:///tmp/my%20notes.db" }, cwd)).toBe("/tmp/my notes.db");
  });

  it("ignores query parameters", () => {
    expect(resolveDatabasePath({ DATABASE_URL: "file:./x.db?connection_limit=1" }, cwd)).toBe(path.join(cwd, "x.db"));
  });

  it("rejects URLs that are not SQLite files", () => {
    expect(() => resolveDatabasePath({ DATABASE_URL: "postgresql://localhost/db" }, cwd)).toThrow(/file:/);
    expect(() => resolveDatabasePath({ DATABASE_URL: "file:" }, cwd)).toThrow(/names no file/);
  });

  it("uses process.env and process.cwd() by default", () => {
    const saved = process.env.DATABASE_URL;
    try {
      delete process.env.DATABASE_URL;
      expect(resolveDatabasePath()).toBe(path.join(process.cwd(), "data", "study.db"));
      process.env.DATABASE_URL = "file:./tmp-x.db";
      expect(resolveDatabasePath()).toBe(path.join(process.cwd(), "tmp-x.db"));
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});

describe("resolveDatabaseUrl", () => {
  it("returns an absolute file: URL", () => {
    expect(resolveDatabaseUrl({ DATABASE_URL: "file:./data/dev.db" }, cwd)).toBe(
      "file:///srv/study-sheets/data/dev.db",
    );
    expect(resolveDatabaseUrl({}, cwd)).toBe("file:///srv/study-sheets/data/study.db");
  });
});
