import { describe, expect, it } from "vitest";
import { formText } from "@/lib/authoring/form-text";

describe("formText", () => {
  it("gives a text field's value, and an empty string for a missing field or a file", () => {
    const data = new FormData();
    data.set("title", "  Intro  ");
    data.set("file", new Blob(["x"]), "x.txt");
    expect(formText(data, "title")).toBe("  Intro  ");
    expect(formText(data, "missing")).toBe("");
    expect(formText(data, "file")).toBe("");
  });
});
