import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUTHORING_CODES } from "@/lib/authoring/refusals";
import { CONTENT_ERROR_SCOPES } from "@/lib/content/errors";
import { SYNC_STATES } from "@/lib/notes/outbox";
import { LAYOUT_REWRITE_CODES } from "@/lib/studio/layout-rewrite";
import { STUDIO_SAVE_STATES } from "@/lib/studio/schemas";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";

/**
 * The message files and the code agree: every key the code asks for exists in both languages,
 * every key of the files is used, both files have the same keys, placeholders and tags, and the
 * Korean file is Korean. Keys are found statically: a translator is bound as
 * `const t… = useTranslations("ns")` or `= await getTranslations("ns")`, and called with a literal
 * key (`t("a.b")`, `t.rich("a.b", …)`), so a scan of the source finds them all. The one exception:
 * a namespace keyed by a list of codes (`t(code)`, below), where every code of the list is a key.
 */
const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib", "i18n"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : [...flatten(value, `${prefix}${key}.`)],
  );
  return new Map(entries);
}

/**
 * Namespaces whose messages are chosen by a code from a closed list (`t(code)`): the typecheck
 * proves each code has an English message; here, that Korean has it too and that no message
 * outlives its code.
 */
const CODED_NAMESPACES: Record<string, readonly string[]> = {
  "authoring.refusals": AUTHORING_CODES,
  "errors.content": CONTENT_ERROR_SCOPES,
  "notes.saveState": SYNC_STATES,
  "studio.layoutErrors": LAYOUT_REWRITE_CODES,
  "studio.state": STUDIO_SAVE_STATES,
};

const BINDING = /const (t\w*) = (?:use|await get)Translations\("([\w.]+)"\)/g;

interface Use {
  key: string;
  where: string;
}

/** Every key the source asks for, and every call whose key is not a literal (which a scan cannot check). */
function scan(): { files: number; uses: Use[]; dynamic: string[] } {
  const uses: Use[] = [];
  const dynamic: string[] = [];
  let files = 0;
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    const text = readFileSync(file, "utf8");
    const bindings = [...text.matchAll(BINDING)].map((match) => ({
      name: match[1] ?? "",
      namespace: match[2] ?? "",
      at: match.index,
    }));
    if (bindings.length === 0) continue;
    files += 1;
    const lineOf = (index: number) => `${path.relative(ROOT, file)}:${text.slice(0, index).split("\n").length}`;
    for (const name of new Set(bindings.map((binding) => binding.name))) {
      for (const call of text.matchAll(new RegExp(`(?<![\\w.])${name}(?:\\.rich|\\.markup|\\.has)?\\(([^)]?)`, "g"))) {
        // The binding that is in force here: the last one of this name before the call.
        const binding = bindings.filter((candidate) => candidate.name === name && candidate.at < call.index).at(-1);
        if (!binding) continue;
        const literal = /^\s*"([\w.]+)"/.exec(text.slice(call.index + call[0].length - (call[1]?.length ?? 0)));
        const codes = CODED_NAMESPACES[binding.namespace];
        if (literal?.[1]) uses.push({ key: `${binding.namespace}.${literal[1]}`, where: lineOf(call.index) });
        else if (codes)
          uses.push(...codes.map((code) => ({ key: `${binding.namespace}.${code}`, where: lineOf(call.index) })));
        else dynamic.push(lineOf(call.index));
      }
    }
  }
  return { files, uses, dynamic };
}

const english = flatten(en);
const korean = flatten(ko);
const { files, uses, dynamic } = scan();

/** ICU argument names and rich-text tags: what a translation must keep. */
function slots(message: string): string[] {
  const args = [...message.matchAll(/\{(\w+)[,}]/g)].map((match) => `{${match[1]}}`);
  const tags = [...message.matchAll(/<(\w+)>/g)].map((match) => `<${match[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

// Names that are the same in every language (a language's own name, product and format names).
const SAME_IN_BOTH = new Set(["app.language.ko", "app.language.en"]);

describe("message keys", () => {
  it("scans the app for translated strings", () => {
    // A scan that finds nothing would pass every check below: make sure it covers the app.
    expect(files).toBeGreaterThanOrEqual(35);
    expect(uses.length).toBeGreaterThanOrEqual(250);
    expect(english.size).toBeGreaterThanOrEqual(250);
  });

  it("finds only literal keys (a computed key could not be checked)", () => {
    expect(dynamic).toEqual([]);
  });

  it("has every key the code uses, in both languages", () => {
    expect(uses.filter((use) => !english.has(use.key)).map((use) => `${use.where} ${use.key}`)).toEqual([]);
    expect(uses.filter((use) => !korean.has(use.key)).map((use) => `${use.where} ${use.key}`)).toEqual([]);
  });

  it("uses every key of the message files", () => {
    const used = new Set(uses.map((use) => use.key));
    expect([...english.keys()].filter((key) => !used.has(key))).toEqual([]);
  });

  it("has the same keys in English and Korean", () => {
    expect([...korean.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !korean.has(key))).toEqual([]);
  });

  it("keeps every placeholder and tag in the translation", () => {
    const differing = [...english].filter(
      ([key, message]) => slots(message).join() !== slots(korean.get(key) ?? "").join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("is really Korean in the Korean file", () => {
    const untranslated = [...korean].filter(
      ([key, message]) => !SAME_IN_BOTH.has(key) && !/[\uac00-\ud7a3]/.test(message),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});
