/**
 * Which backups to keep (Actual Budget's habit): the newest few of today, the newest of each of the
 * last 7 days, the newest of each of the last 12 months, the newest one whatever its age, and the
 * newest undo point of each kind (before an import, before a restore) so "Hoàn tác" keeps working.
 * Pure: days and months are the machine's local calendar, passed in as functions for tests.
 */
export type BackupReason = 'manual' | 'auto' | 'exit' | 'before-import' | 'before-restore' | 'before-status' | 'before-upgrade';

export const BACKUP_REASONS: readonly BackupReason[] = ['manual', 'auto', 'exit', 'before-import', 'before-restore', 'before-status', 'before-upgrade'];
const UNDO_POINTS: readonly BackupReason[] = ['before-import', 'before-restore'];

export interface RetentionPolicy {
  /** Backups of today kept, newest first. */
  today: number;
  /** Earlier days with one backup each. */
  days: number;
  /** Months (this one included) with one backup each. */
  months: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { today: 5, days: 7, months: 12 };

/** PAR_BACKUP_RETENTION="today,days,months" (e.g. "5,7,12") overrides the default. */
export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env): RetentionPolicy {
  const parts = (env.PAR_BACKUP_RETENTION ?? '').split(',').map((p) => Number(p.trim()));
  if (parts.length !== 3 || !parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 1000)) return DEFAULT_RETENTION;
  return { today: Math.max(1, parts[0]!), days: parts[1]!, months: parts[2]! };
}

export interface DatedBackup {
  fileName: string;
  createdAtMs: number;
  reason: BackupReason;
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const localDay = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
export const localMonth = (ms: number): string => localDay(ms).slice(0, 7);

const DAY_MS = 24 * 60 * 60 * 1000;

export function backupsToKeep(
  backups: readonly DatedBackup[],
  nowMs: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  dayOf: (ms: number) => string = localDay,
  monthOf: (ms: number) => string = localMonth,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAtMs - a.createdAtMs || b.fileName.localeCompare(a.fileName));
  const keep = new Set<string>();
  const newestOf = (match: (b: DatedBackup) => boolean): void => {
    const found = newestFirst.find(match);
    if (found) keep.add(found.fileName);
  };
  const today = dayOf(nowMs);
  for (const b of newestFirst.filter((b) => dayOf(b.createdAtMs) === today).slice(0, policy.today)) keep.add(b.fileName);
  const earlierDays = new Set<string>();
  for (let i = 1; earlierDays.size < policy.days && i <= policy.days + 2; i++) {
    const day = dayOf(nowMs - i * DAY_MS);
    if (day !== today) earlierDays.add(day);
  }
  for (const day of earlierDays) newestOf((b) => dayOf(b.createdAtMs) === day);
  const months = new Set<string>();
  for (let i = 0; months.size < policy.months && i < policy.months * 31 + 31; i++) months.add(monthOf(nowMs - i * DAY_MS));
  for (const month of months) newestOf((b) => monthOf(b.createdAtMs) === month);
  newestOf(() => true);
  for (const reason of UNDO_POINTS) newestOf((b) => b.reason === reason);
  return keep;
}

/** par-YYYYMMDD-HHMMSS[-N][-reason].sqlite, the stamp in UTC (backup.ts names them so). */
const NAME = /^par-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?(?:-([a-z-]+?))?\.sqlite$/;

export function parseBackupName(fileName: string): DatedBackup | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const reason = (m[8] ?? 'manual') as BackupReason;
  if (!BACKUP_REASONS.includes(reason)) return null;
  const createdAtMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isFinite(createdAtMs) ? { fileName, createdAtMs, reason } : null;
}
