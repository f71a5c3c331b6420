-- Full-text search (lib/search), written by hand: schema.prisma cannot describe FTS5 virtual
-- tables, so lib/db/migrations.ts leaves tables made by CREATE VIRTUAL TABLE to migrations.
-- The trigram tokenizer indexes every run of 3 characters, so any 3+ character query matches
-- inside words, in Korean as in English (shorter queries fall back to LIKE in lib/search).

-- CreateTable
CREATE TABLE "SearchIndexState" (
    "source" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- Sheet sections, chapter titles and transcript lines of content/. lib/search rebuilds it
-- whenever the content fingerprint differs from SearchIndexState.
CREATE VIRTUAL TABLE "SearchContent" USING fts5(
    "kind" UNINDEXED,
    "course" UNINDEXED,
    "chapter" UNINDEXED,
    "section" UNINDEXED,
    "timestamp" UNINDEXED,
    "context" UNINDEXED,
    "title",
    "body",
    tokenize = 'trigram'
);

-- The live (not deleted) notes. rowid = the note's rowid; noteId guards against a rowid that
-- changed (VACUUM may renumber a table without an INTEGER PRIMARY KEY): lib/search checks
-- both and rebuilds this table when they disagree.
CREATE VIRTUAL TABLE "SearchNote" USING fts5(
    "noteId" UNINDEXED,
    "body",
    tokenize = 'trigram'
);

INSERT INTO "SearchNote" (rowid, "noteId", "body")
SELECT rowid, "id", "body" FROM "Note" WHERE "deletedAt" IS NULL;

-- Kept in step with "Note" whoever writes it. A migration that redefines "Note" (drop and
-- recreate) drops these triggers and must create them again; tests/search/note-index.test.ts
-- fails until it does.
CREATE TRIGGER "Note_search_insert" AFTER INSERT ON "Note" WHEN new."deletedAt" IS NULL BEGIN
    INSERT INTO "SearchNote" (rowid, "noteId", "body") VALUES (new.rowid, new."id", new."body");
END;

CREATE TRIGGER "Note_search_update" AFTER UPDATE OF "id", "body", "deletedAt" ON "Note" BEGIN
    DELETE FROM "SearchNote" WHERE rowid = old.rowid;
    INSERT INTO "SearchNote" (rowid, "noteId", "body")
    SELECT new.rowid, new."id", new."body" WHERE new."deletedAt" IS NULL;
END;

CREATE TRIGGER "Note_search_delete" AFTER DELETE ON "Note" BEGIN
    DELETE FROM "SearchNote" WHERE rowid = old.rowid;
END;
