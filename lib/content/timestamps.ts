/** Video moments written as `mm:ss` or `h:mm:ss`. */
export const TIMESTAMP_PATTERN = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/;

export function parseTimestamp(text: string): number | null {
  const match = TIMESTAMP_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds] = match;
  if (Number(seconds) >= 60 || (hours !== undefined && Number(minutes) >= 60)) return null;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export function formatTimestamp(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** A link that opens the video at that second (YouTube's `t` parameter; other hosts get `#t=`). */
export function videoUrlAt(sourceUrl: string, seconds: number): string {
  try {
    const url = new URL(sourceUrl);
    if (/(^|\.)youtube\.com$|(^|\.)youtu\.be$/.test(url.hostname)) {
      url.searchParams.set("t", `${seconds}s`);
      return url.toString();
    }
    url.hash = `t=${seconds}`;
    return url.toString();
  } catch {
    return sourceUrl;
  }
}
