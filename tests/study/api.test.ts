import { beforeAll, describe, expect, it } from "vitest";
import * as chapterRoute from "@/app/api/review/chapter/route";
import * as dueRoute from "@/app/api/review/due/route";
import * as exportRoute from "@/app/api/review/export/route";
import * as masteryRoute from "@/app/api/review/mastery/route";
import * as reviewRoute from "@/app/api/review/route";
import * as statsRoute from "@/app/api/review/stats/route";
import { db } from "@/lib/db";
import { dueQueue, rateCard } from "@/lib/study/queue";
import { queueCounts, syncChapterCards } from "@/lib/study/repository";
import { chapterStudySchema, dueResponseSchema, reviewResponseSchema } from "@/lib/study/schemas";
import { restoreDatabaseUrlAfterAll, useMigratedTempDatabase } from "../db/helpers";

restoreDatabaseUrlAfterAll();
beforeAll(() => useMigratedTempDatabase("study.db"));

const url = (pathAndQuery: string) => `http://127.0.0.1${pathAndQuery}`;
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(url("/api/review"), {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers },
  });
const get = async (route: { GET: (r: Request) => Promise<Response> }, pathAndQuery: string) =>
  route.GET(new Request(url(pathAndQuery)));

describe("the review API", () => {
  it("syncs chapter 8's cards from its sheet and answers them in sheet order", async () => {
    const response = await get(chapterRoute, "/api/review/chapter?course=deep-dive-llms&chapter=8");
    expect(response.status).toBe(200);
    const study = chapterStudySchema.parse(await response.json());
    expect(study.cards.length).toBeGreaterThan(10);
    expect(study.cards.map((card) => card.kind)).toContain("term");
    expect(study.cards.map((card) => card.kind)).toContain("highlight");
    expect(study.cards.map((card) => card.kind)).toContain("table");
    expect(study.cards[0]?.section).toBe("base-model");
    expect(study.counts).toEqual({ new: study.cards.length, learning: 0, due: 0 });
    expect(study.mastery).toBe(0);
    expect(study.cards[0]?.intervals["1"]).toBe("1m");
  });

  it("applies a rating once per reviewId and moves the card's due date as ts-fsrs says", async () => {
    const due = dueResponseSchema.parse(
      await (await get(dueRoute, "/api/review/due?course=deep-dive-llms&chapter=8&limit=3")).json(),
    );
    expect(due.cards).toHaveLength(3);
    const [card] = due.cards;
    if (!card) throw new Error("expected a due card");
    const first = await reviewRoute.POST(post({ cardId: card.id, rating: 3, reviewId: "review-0001" }));
    expect(first.status).toBe(200);
    const applied = reviewResponseSchema.parse(await first.json());
    expect(applied.applied).toBe(true);
    expect(applied.card.queue).toBe("learning");
    expect(Date.parse(applied.due) - Date.now()).toBeGreaterThan(9 * 60_000);

    const [again, twice] = await Promise.all([
      reviewRoute.POST(post({ cardId: card.id, rating: 3, reviewId: "review-0001" })),
      reviewRoute.POST(post({ cardId: card.id, rating: 3, reviewId: "review-0001" })),
    ]);
    for (const response of [again, twice]) {
      expect(response.status).toBe(200);
      expect(reviewResponseSchema.parse(await response.json())).toMatchObject({ applied: false, due: applied.due });
    }
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    expect((await db.card.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(1);

    const after = dueResponseSchema.parse(
      await (await get(dueRoute, "/api/review/due?course=deep-dive-llms&chapter=8")).json(),
    );
    expect(after.cards.map((c) => c.id)).not.toContain(card.id);
    expect(after.counts.new).toBe(due.counts.new - 1);
  });

  it("refuses bad input naming the field, an unknown card, cross-site and non-JSON requests", async () => {
    const cases: [Request, number, string | undefined][] = [
      [post({ cardId: "0".repeat(20), rating: 5, reviewId: "review-0002" }), 400, "rating"],
      [post({ cardId: "nope", rating: 3, reviewId: "review-0002" }), 400, "cardId"],
      [post({ cardId: "0".repeat(20), rating: 3, reviewId: "x" }), 400, "reviewId"],
      [post({ cardId: "0".repeat(20), rating: 3, reviewId: "review-0002", extra: 1 }), 400, "extra"],
      [post("{not json"), 400, undefined],
      [post({ cardId: "0".repeat(20), rating: 3, reviewId: "review-0002" }), 404, "cardId"],
      [
        post({ cardId: "0".repeat(20), rating: 3, reviewId: "review-0002" }, { "sec-fetch-site": "cross-site" }),
        403,
        undefined,
      ],
      [
        post({ cardId: "0".repeat(20), rating: 3, reviewId: "review-0002" }, { "content-type": "text/plain" }),
        415,
        undefined,
      ],
      [post("x".repeat(5000)), 413, undefined],
    ];
    for (const [request, status, field] of cases) {
      const response = await reviewRoute.POST(request);
      expect(response.status).toBe(status);
      expect((await response.json()).field).toBe(field);
    }
    expect(cases).toHaveLength(9);
    const badQuery = await get(dueRoute, "/api/review/due?chapter=abc");
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).field).toBe("chapter");
    expect((await get(chapterRoute, "/api/review/chapter?course=deep-dive-llms&chapter=99")).status).toBe(404);
  });

  it("retires cards the sheet no longer yields, keeping their reviews, and revives them when they return", async () => {
    const before = await db.card.findMany({
      where: { course: "deep-dive-llms", chapter: 8, retiredAt: null },
      orderBy: { position: "asc" },
    });
    const reviewed = await db.reviewLog.findFirstOrThrow();
    const kept = before.filter((card) => card.id !== reviewed.cardId);
    const now = new Date();
    await syncChapterCards(
      "deep-dive-llms",
      8,
      kept.map(({ id, section, front, back }, position) => ({ id, section, kind: "term", front, back, position })),
      now,
    );
    const retired = await db.card.findUniqueOrThrow({ where: { id: reviewed.cardId } });
    expect(retired.retiredAt).not.toBeNull();
    expect(await db.reviewLog.count({ where: { cardId: reviewed.cardId } })).toBe(1);
    await syncChapterCards(
      "deep-dive-llms",
      8,
      before.map(({ id, section, front, back, position }) => ({ id, section, kind: "term", front, back, position })),
      now,
    );
    expect((await db.card.findUniqueOrThrow({ where: { id: reviewed.cardId } })).retiredAt).toBeNull();
  });

  it("reports mastery, stats and an Anki file", async () => {
    const mastery = await (await masteryRoute.GET()).json();
    // one card rated Good is, just after, recalled with ≥ 90 %; the rest are new
    const chapterCards = await db.card.count({ where: { course: "deep-dive-llms", chapter: 8, retiredAt: null } });
    expect(mastery.courses["deep-dive-llms"].chapters["8"]).toBeCloseTo(1 / chapterCards, 10);
    expect(mastery.courses["kitchen-chemistry"].chapters["1"]).toBe(0);
    const stats = await (await statsRoute.GET()).json();
    expect(stats.days).toHaveLength(84);
    expect(stats.days.at(-1).count).toBe(1);
    expect(stats.upcoming).toHaveLength(14);
    const tsv = await get(exportRoute, "/api/review/export?course=deep-dive-llms&chapter=8");
    expect(tsv.headers.get("content-type")).toContain("text/tab-separated-values");
    const rows = (await tsv.text()).trim().split("\n").slice(3);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row.split("\t").length === 3 && row.endsWith("\tdeep-dive-llms::08"))).toBe(true);
  });

  it("keeps the day's counts equal to a full count as cards are rated and fall due", async () => {
    const scope = { course: "deep-dive-llms" };
    const start = new Date();
    const at = (ms: number) => new Date(start.getTime() + ms);
    const first = await dueQueue(scope, start);
    expect(first.counts).toEqual(await queueCounts(scope, start));
    const [again, good] = first.cards;
    if (!again || !good) throw new Error("expected two due cards");
    await rateCard({ cardId: again.id, rating: 1, reviewId: "counts-0001" }, start);
    await rateCard({ cardId: good.id, rating: 3, reviewId: "counts-0002" }, start);
    // at once (kept counts), a moment later (what fell due since added), and once both are due again
    for (const now of [at(10), at(2_000), at(11 * 60_000)]) {
      expect((await dueQueue(scope, now)).counts).toEqual(await queueCounts(scope, now));
    }
    // the two cards (and any rated earlier) are due again, learning
    expect((await dueQueue(scope, at(11 * 60_000 + 10))).counts.learning).toBeGreaterThanOrEqual(
      first.counts.learning + 2,
    );
  });
});
