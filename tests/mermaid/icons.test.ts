import { describe, expect, it } from "vitest";
import { iconReferences, unknownIcons } from "@/lib/mermaid/icons";

describe("diagram icons", () => {
  it("finds the icons an architecture diagram and a flowchart name", () => {
    const code =
      'architecture-beta\n  service db(logos:postgresql)[Database]\nflowchart\n  A@{ icon: "fa:user", label: "User" }';
    expect(iconReferences(code)).toEqual([
      { pack: "logos", name: "postgresql" },
      { pack: "fa", name: "user" },
    ]);
  });

  it("knows the bundled logos, mdi and fa icons, and names the ones no pack has", async () => {
    expect(
      await unknownIcons("service a(logos:aws-s3)[S3]\nservice b(mdi:database)[DB]\nservice c(fa:user)[U]"),
    ).toEqual([]);
    expect(await unknownIcons("service a(logos:no-such-logo)[X]\nservice b(simple:github)[G]")).toEqual([
      'icon "logos:no-such-logo" is not in the logos pack; it draws as a "?": check the name on icones.js.org',
      'icon "simple:github": there is no icon pack "simple" (bundled: logos, mdi, fa); it draws as a "?"',
    ]);
  });
});
