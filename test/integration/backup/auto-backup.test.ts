/** Automatic backups: at most one per interval while changes happen, none while nothing changes,
 *  one at exit when something changed since the last; each a verified copy in backups/. */
import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AutoBackup, autoBackupIntervalFromEnv } from '../../../main/backup/auto-backup';
import { backupsDir } from '../../../main/evidence/backup';
import { NOW } from '../../helpers/store-temp';
import { makeEvidenceEnv, newItem, type EvidenceEnv } from '../../helpers/evidence-temp';

let env: EvidenceEnv;
let clockMs: number;
let auto: AutoBackup;
const INTERVAL = 15 * 60 * 1000;

beforeEach(() => {
  env = makeEvidenceEnv('par-auto-backup-');
  clockMs = Date.parse(NOW);
  auto = new AutoBackup({ db: env.db, dataDir: env.dataDir, now: () => new Date(clockMs).toISOString() }, INTERVAL, () => clockMs);
});
afterEach(() => env.cleanup());

const files = () => (fs.existsSync(backupsDir(env.dataDir)) ? fs.readdirSync(backupsDir(env.dataDir)).sort() : []);

it('backs up at most once per interval while changes happen, and not at all without changes', async () => {
  clockMs += INTERVAL;
  expect(await auto.tick()).toBeNull(); // nothing changed since start
  newItem(env);
  clockMs += 60_000;
  expect(await auto.tick()).not.toBeNull(); // changed, and the interval since start has passed
  newItem(env);
  clockMs += 5 * 60_000;
  expect(await auto.tick()).toBeNull(); // changed, but only 5 minutes since the last
  clockMs += INTERVAL;
  const second = await auto.tick();
  expect(second?.fileName).toMatch(/-auto\.sqlite$/);
  clockMs += INTERVAL;
  expect(await auto.tick()).toBeNull(); // nothing changed since
  expect(files()).toHaveLength(2);
});

it('backs up at exit only what changed since the last backup', async () => {
  expect(await auto.atExit()).toBeNull();
  newItem(env, { summary: 'Thay đổi cuối ngày' });
  const exit = await auto.atExit();
  expect(exit?.fileName).toMatch(/-exit\.sqlite$/);
  expect(files()).toEqual([exit!.fileName]);
});

it('PAR_AUTO_BACKUP_SECONDS shortens the interval; otherwise 15 minutes', () => {
  expect(autoBackupIntervalFromEnv({ PAR_AUTO_BACKUP_SECONDS: '2' })).toBe(2000);
  expect(autoBackupIntervalFromEnv({})).toBe(INTERVAL);
});
