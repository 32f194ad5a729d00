/** Small display helpers for dates and times (Vietnamese style, independent of the UI language). */
const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05" in local time. */
export function formatTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "05/01/2026 14:05" in local time, or the raw text when it is not a date. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${formatTime(d)}`;
}
