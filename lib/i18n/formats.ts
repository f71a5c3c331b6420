import type { Locale } from "./locale";

/**
 * The app's named date formats (format.dateTime(date, "dayAndTime")), per language. Korean times
 * are written on the 24-hour clock: this ICU spells the Korean day period "AM"/"PM", not 오전/오후.
 */
export function formatsFor(locale: Locale) {
  const hourCycle = locale === "ko" ? "h23" : "h12";
  return {
    dateTime: {
      day: { month: "short", day: "numeric" },
      date: { year: "numeric", month: "short", day: "numeric" },
      dayAndTime: { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle },
      time: { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle },
      full: { dateStyle: "long", timeStyle: "short", hourCycle },
    },
  } as const;
}

export type AppFormats = ReturnType<typeof formatsFor>;
