import { describe, expect, it } from "vitest";
import { ftsMatchExpression, likePattern, parseSearchQuery, shortTerms } from "@/lib/search/query";
import { relevance } from "@/lib/search/rank";
import { findMatches, makeSnippet } from "@/lib/search/snippet";

describe("parseSearchQuery", () => {
  it("splits words, keeps quoted phrases whole and drops repeats and words inside longer ones", () => {
    expect(parseSearchQuery('  base   "token simulator" Base models ').terms).toEqual([
      "base",
      "token simulator",
      "models",
    ]);
    expect(parseSearchQuery("base model").terms).toEqual(["base", "model"]);
  });

  it("normalizes Korean typed as separate jamo-composed code points to NFC", () => {
    const decomposed = "토큰".normalize("NFD");
    expect(parseSearchQuery(decomposed).terms).toEqual(["토큰"]);
  });

  it("treats control characters (NUL, escape, DEL) as spaces, never as part of a term", () => {
    expect(parseSearchQuery("nul\u0000byte")).toEqual({ text: "nul byte", terms: ["nul", "byte"] });
    expect(parseSearchQuery("\u001b[31mred\u007f")).toEqual({ text: "[31mred", terms: ["[31mred"] });
    expect(parseSearchQuery("\u0000\u0001").terms).toEqual([]);
    expect(ftsMatchExpression(parseSearchQuery('"a\u0000b" cc\u0000dd'))).toBe('"a b"');
  });

  it("answers no terms for blank input", () => {
    expect(parseSearchQuery("   ").terms).toEqual([]);
    expect(parseSearchQuery('""').terms).toEqual([]);
  });
});

describe("ftsMatchExpression and the LIKE fallback", () => {
  it("quotes every term of 3+ characters so nothing in it is FTS syntax", () => {
    expect(ftsMatchExpression(parseSearchQuery("NEAR(abc col:xyz *"))).toBe('"NEAR(abc" AND "col:xyz"');
    expect(ftsMatchExpression({ text: "", terms: ['say "hi"'] })).toBe('"say ""hi"""');
    expect(ftsMatchExpression(parseSearchQuery("llm OR 시뮬레이터"))).toBe('"llm" AND "시뮬레이터"');
  });

  it("leaves 1–2 character terms (a two-syllable Korean word) to LIKE, with wildcards escaped", () => {
    const query = parseSearchQuery("토큰 model 5%");
    expect(shortTerms(query)).toEqual(["토큰", "5%"]);
    expect(ftsMatchExpression(query)).toBe('"model"');
    expect(likePattern("5%_\\")).toBe("%5\\%\\_\\\\%");
    expect(ftsMatchExpression(parseSearchQuery("토큰"))).toBeNull();
  });
});

describe("snippets", () => {
  it("marks every match, case-insensitively, merging overlaps", () => {
    expect(findMatches("Token tokens TOKEN", ["token"])).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 11 },
      { start: 13, end: 18 },
    ]);
    expect(findMatches("abcdef", ["abc", "bcd"])).toEqual([{ start: 0, end: 4 }]);
  });

  it("cuts a long text around the first match, at word boundaries, with ellipses", () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    words[60] = "시뮬레이터";
    const { text, matches } = makeSnippet(words.join(" "), ["시뮬레이터"], 120);
    expect(text.startsWith("…word")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(122);
    expect(matches).toHaveLength(1);
    expect(text.slice(matches[0]?.start, matches[0]?.end)).toBe("시뮬레이터");
  });

  it("joins the lines of a section with a middle dot", () => {
    expect(makeSnippet("Params | 1.5B\n  Tokens | 15T", ["15T"]).text).toBe("Params | 1.5B · Tokens | 15T");
  });
});

describe("relevance", () => {
  const query = parseSearchQuery("base model");
  it("ranks the phrase as typed above its words scattered, and the title above the body", () => {
    const phrase = relevance({ title: "x", body: "the base model dreams" }, query);
    const scattered = relevance({ title: "x", body: "model of the base" }, query);
    const titled = relevance({ title: "BASE MODEL vs ASSISTANT", body: "the base model dreams" }, query);
    expect(phrase).toBeGreaterThan(scattered);
    expect(titled).toBeGreaterThan(phrase);
  });
});

describe("the snippet window", () => {
  it("shows the place where most of the words occur together, not the first lone one", () => {
    const text = `token ${"filler ".repeat(60)}the base model is a token simulator of the internet ${"filler ".repeat(60)}`;
    const { text: snippet } = makeSnippet(text, ["token", "simulator"], 120);
    expect(snippet).toContain("token simulator");
  });
});
