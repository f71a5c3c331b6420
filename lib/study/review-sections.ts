import "server-only";
import type { Element, Root as HastRoot, RootContent } from "hast";
import { findChapter, loadCourse } from "@/lib/content/course";
import { loadSheet, type CompiledSheet } from "@/lib/content/sheet";
import { sectionKey } from "./schemas";

/** The <Section id> element of a compiled sheet's tree (inside its row), or null. */
function sectionElement(tree: HastRoot | Element, id: string): Element | null {
  for (const child of tree.children as RootContent[]) {
    if (child.type !== "element") continue;
    if (child.tagName === "Section" && child.properties.id === id) return child;
    const inside = sectionElement(child, id);
    if (inside) return inside;
  }
  return null;
}

export interface ReviewSection {
  sheet: CompiledSheet;
  courseTitle: string;
  section: Element;
}

/**
 * The sections the cards stand in, once each, by sectionKey. A card whose sheet does not compile
 * now (or whose section is gone) has none: /review then shows its words alone.
 */
export async function reviewSections(
  cards: { course: string; chapter: number; section: string }[],
): Promise<Map<string, ReviewSection>> {
  const sheets = new Map<string, Promise<{ sheet: CompiledSheet; courseTitle: string } | null>>();
  const sheetOf = (course: string, chapter: number) => {
    const key = `${course}/${chapter}`;
    let pending = sheets.get(key);
    if (!pending) {
      pending = (async () => {
        const loaded = loadCourse(course);
        const entry = loaded?.ok ? findChapter(loaded.course, chapter) : undefined;
        const result = loaded?.ok && entry ? await loadSheet(loaded.course, entry) : null;
        return loaded?.ok && result?.ok ? { sheet: result.sheet, courseTitle: loaded.course.title } : null;
      })();
      sheets.set(key, pending);
    }
    return pending;
  };
  const found = new Map<string, ReviewSection>();
  for (const card of cards) {
    const key = sectionKey(card);
    if (found.has(key)) continue;
    const loaded = await sheetOf(card.course, card.chapter);
    const section = loaded ? sectionElement(loaded.sheet.tree, card.section) : null;
    if (loaded && section) found.set(key, { ...loaded, section });
  }
  return found;
}
