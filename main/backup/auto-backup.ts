/**
 * Automatic backups while the officer works: at most one every 15 minutes while changes happen,
 * and one at exit when anything changed since the last. "Changed" is SQLite's own count of rows
 * written through this connection (total_changes()), read after each backup so the backup's own
 * bookkeeping does not count. Runs through oneAtATime, so it never overlaps a manual backup or a
 * restore; a failed automatic backup is logged and tried again at the next tick.
 */
import type Database from 'better-sqlite3';
import { createBackup, type BackupResult } from '../evidence/backup';
import { oneAtATime } from './one-at-a-time';
import type { BackupReason } from './retention';

export const AUTO_BACKUP_INTERVAL_MS = 15 * 60 * 1000;

/** PAR_AUTO_BACKUP_SECONDS shortens the interval (tests, demonstrations); 15 minutes otherwise. */
export function autoBackupIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.PAR_AUTO_BACKUP_SECONDS);
  return Number.isFinite(seconds) && seconds >= 1 ? Math.floor(seconds * 1000) : AUTO_BACKUP_INTERVAL_MS;
}
const TICK_MS = 60 * 1000;

export interface AutoBackupTarget {
  db: Database.Database;
  dataDir: string;
  now: () => string;
}

export class AutoBackup {
  private seen: { db: Database.Database; changes: number } | null = null;
  private lastAtMs = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly target: AutoBackupTarget,
    private readonly intervalMs = AUTO_BACKUP_INTERVAL_MS,
    private readonly clock: () => number = Date.now,
  ) {
    this.remember();
    this.lastAtMs = this.clock();
  }

  private changes(): number {
    return this.target.db.prepare('SELECT total_changes()').pluck().get() as number;
  }

  /** A restore swaps the connection (its count starts again): that is a change too. */
  hasChanges(): boolean {
    return !this.seen || this.seen.db !== this.target.db || this.seen.changes !== this.changes();
  }

  private remember(): void {
    this.seen = { db: this.target.db, changes: this.changes() };
  }

  private run(reason: BackupReason): Promise<BackupResult | null> {
    return oneAtATime(this.target.dataDir, async () => {
      if (!this.hasChanges()) return null;
      const result = await createBackup(this.target.db, this.target.dataDir, this.target.now(), { reason });
      this.remember();
      this.lastAtMs = this.clock();
      return result;
    });
  }

  /** One check: a backup when something changed and the last one is at least the interval old. */
  async tick(): Promise<BackupResult | null> {
    if (this.clock() - this.lastAtMs < this.intervalMs || !this.hasChanges()) return null;
    try {
      return await this.run('auto');
    } catch (err) {
      console.error('[backup] automatic backup failed:', err);
      return null;
    }
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), Math.min(TICK_MS, this.intervalMs));
    this.timer.unref();
  }

  /** At exit: stops the timer and backs up what changed since the last backup. */
  async atExit(): Promise<BackupResult | null> {
    clearInterval(this.timer);
    this.timer = undefined;
    try {
      return await this.run('exit');
    } catch (err) {
      console.error('[backup] backup at exit failed:', err);
      return null;
    }
  }
}
