/** The retention policy: today's newest few, one per earlier day for 7 days, one per month for 12
 *  months, the newest always, and the newest undo point of each kind. */
import { describe, expect, it } from 'vitest';
import { backupsToKeep, parseBackupName, retentionFromEnv, type DatedBackup } from '../../../main/backup/retention';

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utcMonth = (ms: number) => new Date(ms).toISOString().slice(0, 7);
const NOW = Date.UTC(2026, 11, 4, 15, 0, 0);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

function backup(msBefore: number, reason: DatedBackup['reason'] = 'auto'): DatedBackup {
  const at = NOW - msBefore;
  const stamp = new Date(at).toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `par-${stamp}-${reason}.sqlite`, createdAtMs: at, reason };
}

const keep = (list: DatedBackup[]) => backupsToKeep(list, NOW, { today: 3, days: 7, months: 12 }, utcDay, utcMonth);

describe('backupsToKeep', () => {
  it('keeps the newest three of today and lets the older ones of today go', () => {
    const today = [1, 2, 3, 4, 5].map((h) => backup(h * HOUR));
    const kept = keep(today);
    expect([...kept].sort()).toEqual(today.slice(0, 3).map((b) => b.fileName).sort());
  });

  it('keeps one per earlier day (the newest) for seven days, then one per month', () => {
    const list: DatedBackup[] = [];
    for (let d = 1; d <= 60; d++) list.push(backup(d * DAY + 2 * HOUR), backup(d * DAY + 5 * HOUR));
    const kept = [...keep(list)];
    for (let d = 1; d <= 7; d++) expect(kept).toContain(backup(d * DAY + 2 * HOUR).fileName);
    for (let d = 1; d <= 7; d++) expect(kept).not.toContain(backup(d * DAY + 5 * HOUR).fileName);
    const byMonth = new Map<string, string[]>();
    for (const name of kept) byMonth.set(name.slice(4, 10), [...(byMonth.get(name.slice(4, 10)) ?? []), name]);
    // November (the seven days and the month's newest are the same ones) and October: one more each at most.
    expect(byMonth.get('202610')).toHaveLength(1);
    expect(kept).toHaveLength(7 + 1);
  });

  it('keeps a year of monthly backups and drops what is older than twelve months, except the newest', () => {
    const monthly = Array.from({ length: 18 }, (_, i) => backup((i * 30 + 10) * DAY));
    const kept = keep(monthly);
    expect(kept.size).toBeLessThanOrEqual(12);
    expect(kept.has(monthly[0]!.fileName)).toBe(true);
    expect(kept.has(monthly[17]!.fileName)).toBe(false);
    expect(keep([monthly[17]!]).has(monthly[17]!.fileName)).toBe(true); // the only backup is never dropped
  });

  it('keeps the newest undo point of each kind whatever its age', () => {
    const undo = backup(400 * DAY, 'before-import');
    const restore = backup(500 * DAY, 'before-restore');
    const kept = keep([backup(HOUR), undo, restore, backup(401 * DAY, 'before-import')]);
    expect(kept.has(undo.fileName) && kept.has(restore.fileName)).toBe(true);
    expect(kept.size).toBe(3);
  });
});

describe('backup names and the policy setting', () => {
  it('reads the time and reason from the name and ignores other files', () => {
    expect(parseBackupName('par-20260105-080007.sqlite')).toEqual({ fileName: 'par-20260105-080007.sqlite', createdAtMs: Date.UTC(2026, 0, 5, 8, 0, 7), reason: 'manual' });
    expect(parseBackupName('par-20260105-080007-2-before-import.sqlite')?.reason).toBe('before-import');
    for (const name of ['notes.txt', 'par-2026-01-05.sqlite', 'par-20260105-080007-hacked.sqlite', '.x.sqlite.part']) expect(parseBackupName(name)).toBeNull();
  });

  it('PAR_BACKUP_RETENTION sets the policy; a malformed value keeps the default', () => {
    expect(retentionFromEnv({ PAR_BACKUP_RETENTION: '3, 14, 24' })).toEqual({ today: 3, days: 14, months: 24 });
    expect(retentionFromEnv({ PAR_BACKUP_RETENTION: 'ba' })).toEqual({ today: 5, days: 7, months: 12 });
  });
});
