-- DropIndex
DROP INDEX "Card_retiredAt_due_idx";

-- CreateIndex
CREATE INDEX "Card_retiredAt_due_state_idx" ON "Card"("retiredAt", "due", "state");

-- CreateIndex
CREATE INDEX "Card_course_retiredAt_due_state_idx" ON "Card"("course", "retiredAt", "due", "state");
