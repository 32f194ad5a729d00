/**
 * The spare: the file of a backup the rotation let go, which the next backup writes over in place
 * (spare-backup-file.ts). Real files: the new backup must sit on the spare's own file, be sound
 * whatever the spare held, and the spare must never count as a kept backup.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { listKeptBackups } from '../../../main/backup/kept-list';
import type { RetentionPolicy } from '../../../main/backup/retention';
import { blobPath } from '../../../main/evidence/blob-store';
import { backupsDir, createBackup } from '../../../main/evidence/backup';
import { importEvidenceFile } from '../../../main/evidence/import-file';
import { copySnapshotOverSpare, SPARE_FILE_NAME } from '../../../main/evidence/spare-backup-file';
import { deleteItem } from '../../../main/store/queries/evidence';
import { databasePath, openDatabase } from '../../../main/store/open';
import { NOW } from '../../helpers/store-temp';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../../helpers/small-disk';
import { chunked, makeEvidenceEnv, newItem, pdfBytes, type EvidenceEnv } from '../../helpers/evidence-temp';

let env: EvidenceEnv;
beforeEach(() => {
  env = makeEvidenceEnv('par-spare-backup-');
});
afterEach(() => env.cleanup());

const TWO_KEPT: RetentionPolicy = { today: 2, days: 0, months: 0 };
const stamp = (minute: number) => new Date(Date.UTC(2026, 0, 5, 8, minute, 7)).toISOString();
const spare = (): string => path.join(backupsDir(env.dataDir), SPARE_FILE_NAME);
const inode = (file: string): number => fs.statSync(file).ino;
const backup = async (minute: number): Promise<string> => path.join(backupsDir(env.dataDir), (await createBackup(env.db, env.dataDir, stamp(minute), { reason: 'auto', retention: TWO_KEPT })).fileName);

function readCopy(file: string): { integrity: unknown; items: number; pageBytes: number } {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const pages = (copy.pragma('page_count', { simple: true }) as number) * (copy.pragma('page_size', { simple: true }) as number);
    return { integrity: copy.pragma('integrity_check', { simple: true }), items: copy.prepare('SELECT count(*) FROM evidence_items').pluck().get() as number, pageBytes: pages };
  } finally {
    copy.close();
  }
}

it('the backup the rotation lets go becomes the next backup’s file: written over in place, sound, newest rows, never listed', async () => {
  newItem(env);
  const first = await backup(0);
  const firstInode = inode(first);
  newItem(env);
  await backup(1);
  newItem(env);
  const third = await backup(2);
  expect(fs.existsSync(first), 'the oldest of three is let go').toBe(false);
  expect(inode(spare()), 'its file is kept as the spare').toBe(firstInode);
  expect(listKeptBackups(env.dataDir).map((b) => b.fileName)).toEqual([path.basename(third), path.basename(third).replace('080207', '080107')]);

  newItem(env);
  const fourth = await backup(3);
  expect(inode(fourth), 'the fourth backup was written over the spare').toBe(firstInode);
  expect(readCopy(fourth)).toMatchObject({ integrity: 'ok', items: 4 });
  expect(fs.statSync(fourth).size).toBe(readCopy(fourth).pageBytes);
  expect(fs.existsSync(spare()), 'the second backup, let go now, is the next spare').toBe(true);
});

it('a spare longer than the database and full of junk (a crash while it was written) still gives a sound backup of exactly the database', async () => {
  for (let i = 0; i < 50; i++) newItem(env, { summary: `Kế hoạch ${i}` });
  fs.mkdirSync(backupsDir(env.dataDir), { recursive: true });
  env.db.pragma('wal_checkpoint(TRUNCATE)');
  const junkBytes = 3 * fs.statSync(env.db.name).size + 12345;
  fs.writeFileSync(spare(), crypto.randomBytes(junkBytes));
  const junkInode = inode(spare());
  const made = await backup(0);
  expect(inode(made)).toBe(junkInode);
  const read = readCopy(made);
  expect(read).toMatchObject({ integrity: 'ok', items: 50 });
  expect(fs.statSync(made).size, 'cut to the database’s own length').toBe(read.pageBytes);
  expect(read.pageBytes).toBeLessThan(junkBytes);
});

it('a database copied by the online backup API (not in WAL mode) is written into a fresh file, whatever the spare holds', async () => {
  newItem(env);
  env.db.pragma('journal_mode = DELETE');
  fs.mkdirSync(backupsDir(env.dataDir), { recursive: true });
  fs.writeFileSync(spare(), crypto.randomBytes(64 * 1024));
  const made = await backup(0);
  expect(readCopy(made)).toMatchObject({ integrity: 'ok', items: 1 });
  expect(fs.existsSync(spare()), 'the junk spare was taken and removed, nothing was let go').toBe(false);
});

it('a let-go backup another tool hard-linked elsewhere is not written over: only its own name goes, the other copy stays as it was', async () => {
  newItem(env);
  const first = await backup(0);
  const elsewhere = env.tmp.file('hardlinked-by-a-backup-tool.sqlite');
  fs.linkSync(first, elsewhere);
  const before = fs.readFileSync(elsewhere);
  await backup(1);
  await backup(2);
  expect(fs.existsSync(first)).toBe(false);
  expect(fs.existsSync(spare()), 'no spare from a file with two names').toBe(false);
  newItem(env);
  await backup(3);
  expect(fs.readFileSync(elsewhere).equals(before)).toBe(true);
});

it('a spare that is a link to a file elsewhere is never written through: the link goes, the file stays, the backup is a new file', async () => {
  newItem(env);
  fs.mkdirSync(backupsDir(env.dataDir), { recursive: true });
  const elsewhere = env.tmp.file('not-ours.sqlite');
  fs.writeFileSync(elsewhere, 'tài liệu của người khác');
  fs.symlinkSync(elsewhere, spare());
  const made = await backup(0);
  expect(readCopy(made)).toMatchObject({ integrity: 'ok', items: 1 });
  expect(fs.readFileSync(elsewhere, 'utf8')).toBe('tài liệu của người khác');
  expect(fs.existsSync(spare())).toBe(false);
});

it('when writing over the spare fails part-way, the backup is copied into a new file and is sound', async () => {
  newItem(env);
  const dir = backupsDir(env.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(spare(), crypto.randomBytes(256 * 1024));
  const temp = path.join(dir, '.test.sqlite.part');
  const failing = async (from: string, to: string): Promise<void> => {
    fs.writeFileSync(to, fs.readFileSync(from).subarray(0, 4096));
    throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
  };
  expect(await copySnapshotOverSpare(env.db, dir, temp, failing)).toBe('new-file');
  expect(fs.existsSync(spare()), 'the spare was taken').toBe(false);
  expect(readCopy(temp)).toMatchObject({ integrity: 'ok', items: 1 });
});

it('the evidence only a let-go backup named is collected: the spare holds no blob', async () => {
  const item = newItem(env);
  const { hash } = await importEvidenceFile(env.db, env.dataDir, { itemId: item, fileName: 'a.pdf', source: chunked(pdfBytes(5000)), now: NOW });
  await backup(0); // the only backup that names the file
  deleteItem(env.db, item);
  expect((await createBackup(env.db, env.dataDir, stamp(1), { reason: 'auto', retention: TWO_KEPT })).garbage.blobs, 'still named by the first backup').toBe(0);
  expect(fs.existsSync(blobPath(env.dataDir, hash))).toBe(true);
  const third = await createBackup(env.db, env.dataDir, stamp(2), { reason: 'auto', retention: TWO_KEPT });
  expect(fs.existsSync(spare()), 'the first backup is the spare now').toBe(true);
  expect(third.garbage.blobs).toBe(1);
  expect(fs.existsSync(blobPath(env.dataDir, hash))).toBe(false);
});

const why = smallDiskUnavailable('spare on a nearly full disk');

it.skipIf(why !== null)('on a nearly full disk (64 MB) no spare is kept: the let-go backup is deleted', async () => {
  const disk = mountSmallDisk(64 * 1024 * 1024) as SmallDisk;
  const dataDir = path.join(disk.dir, 'data');
  fs.mkdirSync(dataDir);
  const db = openDatabase(databasePath(dataDir));
  try {
    const at = (minute: number) => createBackup(db, dataDir, stamp(minute), { reason: 'auto', retention: TWO_KEPT });
    const first = (await at(0)).fileName;
    await at(1);
    await at(2);
    expect(fs.readdirSync(backupsDir(dataDir))).not.toContain(first);
    expect(fs.readdirSync(backupsDir(dataDir)), 'only the two kept, no spare').toHaveLength(2);
  } finally {
    db.close();
    disk.unmount();
  }
});
