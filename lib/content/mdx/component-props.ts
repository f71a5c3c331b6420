import { z } from "zod";
import { BOX_COLORS, HIGHLIGHT_COLORS } from "./sheet-components";

/**
 * The components a sheet may use, each with the props it accepts. A sheet's attributes are literal
 * text (`title="…"`) or bare (`open`, which is `true`); every prop is checked against these schemas,
 * so an unknown or mistyped prop is an error naming it. Adding a component is one line here plus
 * its React implementation in components/mdx (whose type is keyed by this map).
 */
const text = z.string({ error: "must be text in quotes" });
const required = text.min(1, "must not be empty");
const color = (colors: readonly [string, ...string[]]) =>
  z.enum(colors, { error: `must be one of ${colors.join(", ")}` }).optional();

const SHEET_COMPONENT_PROPS = {
  Section: z.strictObject({ id: required, icon: required, title: required }),
  Box: z.strictObject({ title: text.optional(), icon: text.optional(), color: color(BOX_COLORS) }),
  Columns: z.strictObject({}),
  Quote: z.strictObject({ by: text.optional() }),
  Highlight: z.strictObject({ color: color(HIGHLIGHT_COLORS) }),
  Term: z.strictObject({ en: required }),
  Card: z.strictObject({ front: required, back: required }),
} as const;

export type SheetComponentName = keyof typeof SHEET_COMPONENT_PROPS;
export const SHEET_COMPONENTS = Object.keys(SHEET_COMPONENT_PROPS) as SheetComponentName[];

export function isSheetComponent(name: string): name is SheetComponentName {
  return Object.hasOwn(SHEET_COMPONENT_PROPS, name);
}

/** What is wrong with a component's props, one message a problem, each naming the prop. */
export function propProblems(name: SheetComponentName, props: Record<string, string | true>): string[] {
  const schema = SHEET_COMPONENT_PROPS[name];
  const result = schema.safeParse(props);
  if (result.success) return [];
  const known = Object.keys(schema.shape);
  return result.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      const accepted = known.length > 0 ? `its props are ${known.join(", ")}` : "it takes no props";
      return issue.keys.map((key) => `<${name}> has no prop "${key}": ${accepted}`);
    }
    const prop = String(issue.path[0]);
    const value = props[prop];
    if (value === undefined) return [`<${name}> needs ${prop}="…"`];
    return [`<${name}> ${prop}${value === true ? " without a value" : ` "${value}"`} ${issue.message}`];
  });
}
