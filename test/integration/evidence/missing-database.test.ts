/**
 * The data-loss bug of issue 8: a data folder whose par.sqlite went missing or was zeroed used to
 * get a fresh database whose start-up sweep deleted every evidence file older than an hour.
 * Now a database only ever sweeps files its own journal noted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppContext, runStartupCleanup } from '../../../main/app-context';
import { blobPath, blobsDir } from '../../../main/evidence/blob-store';
import { backupsDir, createBackup } from '../../../main/evidence/backup';
import { importEvidenceFile } from '../../../main/evidence/import-file';
import { databasePath, openDatabase } from '../../../main/store/open';
import { NOW } from '../../helpers/store-temp';
import { chunked, filesUnder, makeEvidenceEnv, newItem, pdfBytes, type EvidenceEnv } from '../../helpers/evidence-temp';

let env: EvidenceEnv;
let hashes: string[];
const DAY_MS = 24 * 60 * 60 * 1000;

/** A finished year's evidence: three files, a backup, every blob file a month old. */
beforeEach(async () => {
  env = makeEvidenceEnv('par-missing-db-');
  hashes = [];
  for (const size of [2000, 3000, 4000]) {
    const item = newItem(env, { summary: `Tài liệu ${size}` });
    hashes.push((await importEvidenceFile(env.db, env.dataDir, { itemId: item, fileName: `t${size}.pdf`, source: chunked(pdfBytes(size)), now: NOW })).hash);
  }
  await createBackup(env.db, env.dataDir, NOW);
  const old = new Date(Date.now() - 30 * DAY_MS);
  for (const h of hashes) fs.utimesSync(blobPath(env.dataDir, h), old, old);
  env.db.close();
});
afterEach(() => env.cleanup());

async function startAppOnFolder(): Promise<void> {
  const ctx = createAppContext({ dataDir: env.dataDir, mode: 'test', installSamples: false });
  try {
    await runStartupCleanup(ctx);
  } finally {
    ctx.close();
  }
}

const blobFiles = () => filesUnder(blobsDir(env.dataDir)).map((rel) => path.basename(rel)).sort();

describe('a missing or zeroed database never costs the evidence', () => {
  it('par.sqlite moved away: the app starts and every evidence file is still there', async () => {
    fs.renameSync(databasePath(env.dataDir), path.join(env.tmp.file('moved-away.sqlite')));
    for (const suffix of ['-wal', '-shm']) fs.rmSync(databasePath(env.dataDir) + suffix, { force: true });
    await startAppOnFolder();
    expect(blobFiles()).toEqual([...hashes].sort());
  });

  it('par.sqlite zeroed: every evidence file is still there, and the backup restored by hand finds all its files', async () => {
    fs.writeFileSync(databasePath(env.dataDir), '');
    for (const suffix of ['-wal', '-shm']) fs.rmSync(databasePath(env.dataDir) + suffix, { force: true });
    await startAppOnFolder();
    expect(blobFiles()).toEqual([...hashes].sort());
    const [backup] = fs.readdirSync(backupsDir(env.dataDir));
    fs.copyFileSync(path.join(backupsDir(env.dataDir), backup!), databasePath(env.dataDir));
    const db = openDatabase(databasePath(env.dataDir));
    const rows = db.prepare('SELECT blob_hash FROM evidence_files ORDER BY blob_hash').pluck().all() as string[];
    db.close();
    expect(rows).toEqual([...hashes].sort());
    for (const h of rows) expect(fs.existsSync(blobPath(env.dataDir, h))).toBe(true);
  });
});
