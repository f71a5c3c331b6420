import { z } from "zod";
import { TIMESTAMP_PATTERN } from "./timestamps";

const sectionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "a section id is lowercase letters, digits and hyphens, e.g. few-shot");

const layoutSection = z.union([
  sectionId,
  z.strictObject({
    id: sectionId,
    width: z.number().positive("a width is a percentage above 0").max(100, "a width is at most 100").optional(),
  }),
]);

const layoutRowSchema = z.strictObject({
  height: z.number().positive("a height is a percentage above 0").max(100, "a height is at most 100"),
  sections: z.array(layoutSection).min(1, "a row needs at least one section"),
});

const timestamp = z.string().regex(TIMESTAMP_PATTERN, "write the time as mm:ss or h:mm:ss");

export const sheetFrontmatterSchema = z.strictObject({
  chapter: z.number().int().positive(),
  title: z.string().min(1),
  titleKr: z.string().min(1).optional(),
  source_url: z.url().optional(),
  author: z.string().min(1).optional(),
  layout: z.array(layoutRowSchema).min(1, "the layout needs at least one row"),
});
export type SheetFrontmatter = z.infer<typeof sheetFrontmatterSchema>;

export const courseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a course id is lowercase letters, digits and hyphens"),
  title: z.string().min(1),
  titleKr: z.string().min(1).optional(),
  author: z.string().min(1),
  source_url: z.url(),
  description: z.string().optional(),
  chapters: z
    .array(
      z.strictObject({
        number: z.number().int().min(1).max(99),
        title: z.string().min(1),
        titleKr: z.string().min(1).optional(),
        start: timestamp.optional(),
      }),
    )
    .min(1, "list every chapter of the course"),
});

export const sourceFrontmatterSchema = z.object({
  title: z.string().min(1),
  titleKr: z.string().optional(),
  source_url: z.url().optional(),
  source_type: z.string().optional(),
  author: z.string().optional(),
  parent: z.string().optional(),
  chapter: z.union([z.number().int().positive(), z.string()]).optional(),
  totalChapters: z.number().int().positive().optional(),
});
export type SourceFrontmatter = z.infer<typeof sourceFrontmatterSchema>;
