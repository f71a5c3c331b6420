import { describe, expect, it } from "vitest";
import { iconReferences, placeholderIcon, placeholderIconSets, unknownIcons } from "@/lib/mermaid/icons";
import { readIconPack } from "@/lib/mermaid/icon-pack-files";

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
      await unknownIcons(
        "service a(logos:aws-s3)[S3]\nservice b(mdi:database)[DB]\nservice c(fa:user)[U]",
        readIconPack,
      ),
    ).toEqual([]);
    expect(await unknownIcons("service a(logos:no-such-logo)[X]\nservice b(simple:github)[G]", readIconPack)).toEqual([
      'icon "logos:no-such-logo" is not in the logos pack; it draws as a placeholder named "logos:no-such-logo": check the name on icones.js.org',
      'icon "simple:github": there is no icon pack "simple" (bundled: logos, mdi, fa); it draws as a placeholder named "simple:github"',
    ]);
  });

  it("draws a missing icon as a box with its pack and name written in it", () => {
    const icon = placeholderIcon("logos", "no-such-icon");
    expect(icon).toMatchObject({ width: 80, height: 80 });
    const texts = [...icon.body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(texts).toEqual(["logos:", "no-such-icon"]);
    expect(icon.body).not.toContain("?");
  });

  it("registers placeholders beside a bundled pack's own icons, and a pack of placeholders for an unknown pack", async () => {
    const sets = await placeholderIconSets(
      "architecture-beta\n  service a(logos:no-such-icon)[A]\n  service b(simple:redis)[B]\n  service c(logos:aws-s3)[C]",
      readIconPack,
    );
    const byName = new Map(sets.map((set) => [set.name, set.icons]));
    expect([...byName.keys()]).toEqual(["logos", "simple"]);
    const logos = byName.get("logos");
    expect(logos?.icons["no-such-icon"]?.body).toContain("no-such-icon");
    expect(logos?.icons["aws-s3"]).toBeDefined();
    expect(Object.keys(byName.get("simple")?.icons ?? {})).toEqual(["redis"]);
    expect(await placeholderIconSets("architecture-beta\n  service c(logos:aws-s3)[C]", readIconPack)).toEqual([]);
  });
});
