-- CreateTable
CREATE TABLE "Note" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "course" TEXT NOT NULL,
    "chapter" INTEGER NOT NULL,
    "section" TEXT,
    "sectionTitle" TEXT,
    "timestamp" INTEGER,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ChapterProgress" (
    "course" TEXT NOT NULL,
    "chapter" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "lastVisitedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("course", "chapter")
);

-- CreateIndex
CREATE INDEX "Note_course_chapter_idx" ON "Note"("course", "chapter");

-- CreateIndex
CREATE INDEX "Note_updatedAt_idx" ON "Note"("updatedAt");

-- CreateIndex
CREATE INDEX "ChapterProgress_lastVisitedAt_idx" ON "ChapterProgress"("lastVisitedAt");
