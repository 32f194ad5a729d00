/** Backup points and the garbage collection that follows them, on real files. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobPath, blobsDir, cleanTempFolder, tempDir } from '../../../main/evidence/blob-store';
import { backupsDir, createBackup } from '../../../main/evidence/backup';
import { DEFAULT_RETENTION } from '../../../main/backup/retention';
import { SPARE_FILE_NAME } from '../../../main/evidence/spare-backup-file';
import { cleanEvidenceAtStartup, collectGarbage, ORPHAN_MIN_AGE_MS, sweepJournaledBlobs } from '../../../main/evidence/garbage';
import { journalEntries, noteBlob } from '../../../main/store/queries/blob-journal';
import { importEvidenceFile } from '../../../main/evidence/import-file';
import { listBackups } from '../../../main/store/queries/backups';
import { deleteItem } from '../../../main/store/queries/evidence';
import { NOW } from '../../helpers/store-temp';
import { chunked, filesUnder, makeEvidenceEnv, newItem, pdfBytes, sha256, type EvidenceEnv } from '../../helpers/evidence-temp';

let env: EvidenceEnv;
beforeEach(() => {
  env = makeEvidenceEnv('par-backup-');
});
afterEach(() => env.cleanup());

const stamp = (minute: number) => new Date(Date.UTC(2026, 0, 5, 8, minute, 7, 123)).toISOString();

/** Puts a blob file in place with no row, as a crash between publish and commit would. */
function orphanBlob(ageMs: number, size = 1000): string {
  const data = pdfBytes(size);
  const hash = sha256(data);
  fs.mkdirSync(path.dirname(blobPath(env.dataDir, hash)), { recursive: true });
  fs.writeFileSync(blobPath(env.dataDir, hash), data);
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(blobPath(env.dataDir, hash), when, when);
  return hash;
}

describe('createBackup', () => {
  it('writes a single-file copy that opens read-only and passes integrity_check', async () => {
    newItem(env, { summary: 'Kế hoạch trong bản sao' });
    const backup = await createBackup(env.db, env.dataDir, stamp(0));
    expect(backup).toMatchObject({ fileName: 'par-20260105-080007.sqlite', createdAt: stamp(0), size: expect.any(Number) });
    const file = path.join(backupsDir(env.dataDir), backup.fileName);
    expect(fs.statSync(file).size).toBe(backup.size);
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('foreign_key_check')).toEqual([]);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT summary FROM evidence_items').pluck().all()).toEqual(['Kế hoạch trong bản sao']);
    } finally {
      copy.close();
    }
    expect(fs.readdirSync(backupsDir(env.dataDir))).toEqual([backup.fileName]);
    expect(listBackups(env.db)).toEqual([{ id: expect.any(Number), fileName: backup.fileName, createdAt: stamp(0), size: backup.size }]);
  });

  it('keeps the newest few of today, files and rows, and names same-second backups apart', async () => {
    const names: string[] = [];
    for (let i = 0; i < 12; i++) names.push((await createBackup(env.db, env.dataDir, stamp(i))).fileName);
    const twin = await createBackup(env.db, env.dataDir, stamp(11));
    expect(twin.fileName).toBe('par-20260105-081107-2.sqlite');
    const kept = [twin.fileName, ...names.slice(-(DEFAULT_RETENTION.today - 1)).reverse()];
    expect(listBackups(env.db).map((b) => b.fileName)).toEqual(kept);
    // Beside them only the spare: the file of one let-go backup, which the next backup writes over.
    expect(fs.readdirSync(backupsDir(env.dataDir)).sort()).toEqual([...kept, SPARE_FILE_NAME].sort());
  });

  it('removes temp copies left by an interrupted backup', async () => {
    fs.mkdirSync(backupsDir(env.dataDir), { recursive: true });
    fs.writeFileSync(path.join(backupsDir(env.dataDir), '.abc.sqlite.part'), 'partial');
    const backup = await createBackup(env.db, env.dataDir, stamp(0));
    expect(fs.readdirSync(backupsDir(env.dataDir))).toEqual([backup.fileName]);
  });
});

describe('garbage collection', () => {
  it('collects only blobs unused since before the backup time', async () => {
    const item = newItem(env);
    const { hash } = await importEvidenceFile(env.db, env.dataDir, { itemId: item, fileName: 'a.pdf', source: chunked(pdfBytes(4000)), now: NOW });
    deleteItem(env.db, item);
    expect(await collectGarbage(env.db, env.dataDir, '2000-01-01T00:00:00.000Z')).toEqual({ blobs: 0, orphans: 0 });
    expect(fs.existsSync(blobPath(env.dataDir, hash))).toBe(true);
    expect(await collectGarbage(env.db, env.dataDir, '2999-01-01T00:00:00.000Z')).toEqual({ blobs: 1, orphans: 0 });
    expect(filesUnder(blobsDir(env.dataDir))).toEqual([]);
  });

  it('sweeps only files its own journal noted, once the note is an hour old', async () => {
    const crashed = orphanBlob(0);
    noteBlob(env.db, crashed, Date.now() - ORPHAN_MIN_AGE_MS - 1000); // published, then a crash before the row
    const fresh = orphanBlob(0, 1001);
    noteBlob(env.db, fresh, Date.now()); // an import about to write its row
    const unknown = orphanBlob(30 * 24 * 60 * 60 * 1000, 1002); // a month old, never noted: another database's, or a restored one's
    const stray = path.join(blobsDir(env.dataDir), 'ab', 'not-a-blob');
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'x');
    const kept = await importEvidenceFile(env.db, env.dataDir, { itemId: newItem(env), fileName: 'k.pdf', source: chunked(pdfBytes(3000)), now: NOW });
    expect(journalEntries(env.db).map((e) => e.hash), 'the row forgets the note in its own transaction').not.toContain(kept.hash);
    expect(sweepJournaledBlobs(env.db, env.dataDir)).toBe(1);
    expect(fs.existsSync(blobPath(env.dataDir, crashed))).toBe(false);
    for (const hash of [fresh, unknown, kept.hash]) expect(fs.existsSync(blobPath(env.dataDir, hash))).toBe(true);
    expect(fs.existsSync(stray)).toBe(true);
    expect(journalEntries(env.db).map((e) => e.hash)).toEqual([fresh]);
  });

  it('an import that finds a journaled orphan with its content reuses it and protects it from the sweep', async () => {
    const data = pdfBytes(1000);
    const hash = sha256(data);
    fs.mkdirSync(path.dirname(blobPath(env.dataDir, hash)), { recursive: true });
    fs.writeFileSync(blobPath(env.dataDir, hash), data);
    noteBlob(env.db, hash, 1);
    const result = await importEvidenceFile(env.db, env.dataDir, { itemId: newItem(env), fileName: 'a.pdf', source: chunked(data), now: NOW });
    expect(result.hash).toBe(hash);
    expect(sweepJournaledBlobs(env.db, env.dataDir)).toBe(0);
    expect(fs.existsSync(blobPath(env.dataDir, hash))).toBe(true);
    expect(journalEntries(env.db)).toEqual([]);
  });

  it('cleans temp files and journaled orphans at startup, never files it did not note', async () => {
    fs.mkdirSync(tempDir(env.dataDir), { recursive: true });
    fs.writeFileSync(path.join(tempDir(env.dataDir), 'x.part'), 'partial');
    const noted = orphanBlob(3 * 60 * 60 * 1000);
    noteBlob(env.db, noted, 0);
    const unknown = orphanBlob(3 * 60 * 60 * 1000, 1001);
    expect(await cleanEvidenceAtStartup(env.db, env.dataDir)).toEqual({ tempFiles: 1, orphans: 1 });
    expect(await cleanTempFolder(env.dataDir)).toBe(0);
    expect(filesUnder(path.join(env.dataDir, 'evidence'))).toEqual([path.join('blobs', unknown.slice(0, 2), unknown)]);
  });

  it('never removes a blob that an older kept backup still names', async () => {
    const item = newItem(env);
    const { hash } = await importEvidenceFile(env.db, env.dataDir, { itemId: item, fileName: 'a.pdf', source: chunked(pdfBytes(5000)), now: NOW });
    await createBackup(env.db, env.dataDir, stamp(0)); // names the file
    deleteItem(env.db, item);
    const later = await createBackup(env.db, env.dataDir, stamp(1)); // taken after it was unused
    expect(later.garbage).toEqual({ blobs: 0, orphans: 0 });
    expect(fs.existsSync(blobPath(env.dataDir, hash))).toBe(true);
    fs.rmSync(path.join(backupsDir(env.dataDir), 'par-20260105-080007.sqlite')); // the older backup is no longer kept
    expect((await createBackup(env.db, env.dataDir, stamp(2))).garbage).toEqual({ blobs: 1, orphans: 0 });
    expect(fs.existsSync(blobPath(env.dataDir, hash))).toBe(false);
  });
});
