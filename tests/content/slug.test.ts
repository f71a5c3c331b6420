import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/content/slug";
import { slugifyMigrationName } from "@/lib/db/migrations";

describe("slugify", () => {
  it("makes folder names of titles and migration names of phrases, with one rule", () => {
    expect(slugify("Llama 3.1 Base Model Inference")).toBe("llama-3-1-base-model-inference");
    expect(slugify("  Café: Saveurs! ")).toBe("cafe-saveurs");
    expect(slugifyMigrationName(" add notes & tags ")).toBe("add_notes_tags");
    expect(slugifyMigrationName("x".repeat(300))).toHaveLength(200);
    expect(slugifyMigrationName("!!!")).toBe("");
  });
});
