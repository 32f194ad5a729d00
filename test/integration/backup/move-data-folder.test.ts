/** Moving the data folder on real files: 200 blobs and the database arrive verified, the old folder
 *  stays as it was with a note, the choice is recorded; refusals change nothing; a `par move-data`
 *  killed with SIGKILL half-way leaves the old folder working and still the chosen one, and a second
 *  run then completes. */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MOVE_STAGING_MARK, MOVED_NOTE, moveDataFolder } from '../../../main/backup/move-data-folder';
import { blobPath } from '../../../main/evidence/blob-store';
import { createAppContext } from '../../../main/startup/app-context';
import { activeDataDir, dataFolderSettingsFile } from '../../../main/startup/data-folder-choice';
import { APP_FOLDER_NAME } from '../../../main/startup/data-dir';
import { databasePath } from '../../../main/store/open';
import { insertItem } from '../../../main/store/queries/evidence';
import { insertBlobIfMissing, insertFile } from '../../../main/store/queries/evidence-files';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { dumpTables, sha256File } from '../../helpers/package-fixture';
import { agencyDraft } from '../../helpers/agency-fixture';
import { repoRoot } from '../../helpers/web-server-process';

const NOW = '2026-12-04T08:00:00.000Z';
let root: string;
let env: NodeJS.ProcessEnv;
let from: string;
let hashes: string[];

/** `count` evidence files of `bytes` random bytes each, as blobs with their rows. */
async function fillFolder(h: Harness, count: number, bytes: number): Promise<string[]> {
  const agency = await h.call('agencies:create', agencyDraft());
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const data = crypto.randomBytes(bytes);
    const hash = crypto.createHash('sha256').update(data).digest('hex');
    fs.mkdirSync(path.dirname(blobPath(h.dataDir, hash)), { recursive: true });
    fs.writeFileSync(blobPath(h.dataDir, hash), data);
    const item = insertItem(h.ctx.db, agency.id, { docNumber: `${i}/KH`, issuedOn: '2026-01-15', issuer: 'UBND', docType: 'plan', summary: `Tài liệu ${i}` }, NOW);
    insertBlobIfMissing(h.ctx.db, hash, bytes, NOW);
    insertFile(h.ctx.db, { itemId: item.id, hash, displayName: `tai-lieu-${i}.pdf`, mediaType: 'application/pdf', size: bytes, addedAt: NOW });
    out.push(hash);
  }
  await h.call('backups:create', {});
  return out;
}

const tablesOf = (file: string): string => {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify(dumpTables(db));
  } finally {
    db.close();
  }
};

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'par-move-'));
  env = { ...process.env, PAR_DATA_DIR: '', XDG_CONFIG_HOME: path.join(root, 'config') };
  from = path.join(root, 'config', APP_FOLDER_NAME); // the default folder for this env
  const h = createHarness(from);
  hashes = await fillFolder(h, 200, 64 * 1024);
  h.ctx.close();
}, 60_000);
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('moving the data folder', () => {
  it('copies and verifies 200 blobs and the database, keeps the old folder, reports progress', async () => {
    const to = path.join(root, 'o-d', 'par-du-lieu');
    const before = tablesOf(databasePath(from));
    const ctx = createAppContext({ dataDir: from, mode: 'test' });
    const progress: number[] = [];
    try {
      const moved = await moveDataFolder(ctx.db, from, to, (done) => progress.push(done));
      expect(moved.files).toBeGreaterThanOrEqual(201); // 200 blobs and the backup
    } finally {
      ctx.close();
    }
    expect(tablesOf(databasePath(to))).toBe(before);
    for (const hash of hashes) expect(sha256File(blobPath(to, hash))).toBe(hash);
    for (const hash of hashes) expect(fs.existsSync(blobPath(from, hash))).toBe(true);
    expect(fs.readdirSync(path.join(to, 'backups')).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);
    expect(fs.readdirSync(path.dirname(to))).toEqual(['par-du-lieu']);
    expect(progress.at(-1)).toBeGreaterThan(200 * 64 * 1024);
  });

  it('refuses a target inside the current folder and a target that is not empty, changing nothing', async () => {
    const ctx = createAppContext({ dataDir: from, mode: 'test' });
    try {
      await expect(moveDataFolder(ctx.db, from, path.join(from, 'con'))).rejects.toThrow(/nằm bên trong nó/);
      expect(fs.existsSync(path.join(from, 'con'))).toBe(false);
      const busy = path.join(root, 'co-tep');
      fs.mkdirSync(busy);
      fs.writeFileSync(path.join(busy, 'a.txt'), 'x');
      await expect(moveDataFolder(ctx.db, from, busy)).rejects.toThrow(/không trống/);
      expect(fs.readdirSync(busy)).toEqual(['a.txt']);
      expect(fs.readdirSync(root).sort()).toEqual(['co-tep', 'config']);
    } finally {
      ctx.close();
    }
  });

  it('par move-data killed with SIGKILL mid-way: the old folder still works and is still the chosen one; run again, it completes', async () => {
    const to = path.join(root, 'o-d', 'par-du-lieu');
    fs.mkdirSync(path.dirname(to));
    const bin = path.join(repoRoot, 'main', 'bin', 'par.mjs');
    const child = spawn(process.execPath, [bin, 'move-data', '--to', to], { cwd: repoRoot, env, stdio: 'ignore' });
    const copying = () => fs.readdirSync(path.dirname(to)).some((n) => n.includes(MOVE_STAGING_MARK) && fs.existsSync(path.join(path.dirname(to), n, 'evidence', 'blobs')));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let waited = 0; !copying(); waited += 10) {
      if (waited > 110_000 || child.exitCode !== null) throw new Error('the move never reached the copy');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;

    // Killed during the copy: the staging folder holds only part of the blobs.
    const staging = fs.readdirSync(path.dirname(to)).find((n) => n.includes(MOVE_STAGING_MARK))!;
    const copied = fs.readdirSync(path.join(path.dirname(to), staging, 'evidence', 'blobs'), { recursive: true }).filter((n) => /[0-9a-f]{64}$/.test(String(n)));
    expect(copied.length).toBeLessThan(200);
    expect(fs.existsSync(to)).toBe(false);
    expect(fs.existsSync(dataFolderSettingsFile(env))).toBe(false);
    expect(activeDataDir(env)).toBe(from);
    const ctx = createAppContext({ dataDir: from, mode: 'cli', installSamples: false }); // the lock is free again
    ctx.close();
    for (const hash of hashes) expect(sha256File(blobPath(from, hash))).toBe(hash);

    const again = spawnSync(process.execPath, [bin, 'move-data', '--to', to], { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`Đã chuyển dữ liệu sang ${to}`);
    expect(activeDataDir(env)).toBe(to);
    expect(fs.existsSync(path.join(from, MOVED_NOTE))).toBe(true);
    for (const hash of hashes) expect(sha256File(blobPath(to, hash))).toBe(hash);
  }, 240_000);
});
