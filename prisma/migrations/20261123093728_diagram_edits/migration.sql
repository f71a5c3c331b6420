-- CreateTable
CREATE TABLE "DiagramEdit" (
    "course" TEXT NOT NULL,
    "chapter" INTEGER NOT NULL,
    "diagramKey" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "originalHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("course", "chapter", "diagramKey")
);
