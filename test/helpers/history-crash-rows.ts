/** What the history crash writer (history-crash-writer.ts) and its test share. */
export const HISTORY_CRASH_ASSESSMENT = 1;
export const HISTORY_CRASH_RANGE = 100_000;
/** How many leaves the writers cycle through. */
export const HISTORY_CRASH_LEAVES = 5;
export const historyCrashStamp = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
