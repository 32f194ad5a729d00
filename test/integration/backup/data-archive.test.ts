/** The whole-folder archive on real files: archive a data folder, restore it into a new or empty
 *  folder elsewhere and get the same tables and every blob (hash-checked); a tampered archive, a
 *  package given instead, or a folder that is not empty is refused with a Vietnamese message and
 *  nothing is written. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_DATABASE_PATH } from '../../../main/backup/archive-manifest';
import { restoreDataArchive } from '../../../main/backup/restore-archive';
import { verifyDataArchive } from '../../../main/backup/verify-archive';
import { writeDataArchive } from '../../../main/backup/write-archive';
import { blobPath } from '../../../main/evidence/blob-store';
import { verifyPackageFile } from '../../../main/package/verify-package';
import { databasePath } from '../../../main/store/open';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { dumpTables, packagedAssessment, sha256File, type PackagedAssessment } from '../../helpers/package-fixture';
import { writeRawZip, type RawEntry } from '../../helpers/package-raw-zip';
import { listZipEntries, readZipEntry } from '../../helpers/zip-read';

let h: Harness;
let root: string;
let archive: string;
let sourceTables: string;
let blobHashes: string[];
let packaged: PackagedAssessment;

const tablesHash = (file: string): string => {
  const db = new Database(file, { readonly: true });
  try {
    return crypto.createHash('sha256').update(JSON.stringify(dumpTables(db))).digest('hex');
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  h = createHarness();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'par-archive-'));
  packaged = await packagedAssessment(h);
  archive = path.join(root, 'archive.zip');
  const written = await writeDataArchive(h.ctx.db, h.dataDir, h.ctx.now(), archive);
  expect(written.evidenceFiles).toBeGreaterThan(2);
  h.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  sourceTables = tablesHash(databasePath(h.dataDir));
  blobHashes = h.ctx.db.prepare('SELECT DISTINCT blob_hash FROM evidence_files ORDER BY 1').pluck().all() as string[];
});
afterAll(() => {
  h.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

function freshParent(): string {
  return fs.mkdtempSync(path.join(root, 'pc2-'));
}

function expectRestored(dataDir: string): void {
  expect(tablesHash(databasePath(dataDir))).toBe(sourceTables);
  for (const hash of blobHashes) expect(sha256File(blobPath(dataDir, hash))).toBe(hash);
}

/** The archive's entries, changed by `edit`, written back as a zip beside it. */
function tampered(name: string, edit: (entries: RawEntry[]) => RawEntry[]): string {
  const zip = fs.readFileSync(archive);
  const entries = listZipEntries(zip).map((e): RawEntry => ({ name: e.name, data: readZipEntry(zip, e.name), method: e.method }));
  const file = path.join(root, name);
  fs.writeFileSync(file, writeRawZip(edit(entries)));
  return file;
}

const firstBlob = (entries: RawEntry[]): RawEntry => entries.find((e) => String(e.name).startsWith('evidence/blobs/'))!;

describe('whole-folder archive', () => {
  it('restores into a new folder on "another PC": same tables, every blob present and hash-checked, no staging folder left', async () => {
    const parent = freshParent();
    const target = path.join(parent, 'du-lieu-moi');
    const progress: number[] = [];
    const restored = await restoreDataArchive(archive, target, (done) => progress.push(done));
    expect(restored.evidenceFiles).toBe(blobHashes.length);
    expectRestored(target);
    expect(fs.readdirSync(parent)).toEqual(['du-lieu-moi']);
    expect(progress.length).toBeGreaterThan(0);
    const again = createHarness(target);
    try {
      expect((await again.call('assessments:list', { agencyId: packaged.agencyId })).assessments).toHaveLength(1);
    } finally {
      again.ctx.close();
    }
  });

  it('restores into an existing empty folder', async () => {
    const target = fs.mkdtempSync(path.join(root, 'empty-'));
    await restoreDataArchive(archive, target);
    expectRestored(target);
  });

  it('refuses a folder that is not empty and leaves it as it was', async () => {
    const target = fs.mkdtempSync(path.join(root, 'busy-'));
    fs.writeFileSync(path.join(target, 'ghi-chu.txt'), 'của tôi');
    await expect(restoreDataArchive(archive, target)).rejects.toThrow(/không trống.*không có gì bị thay đổi/);
    expect(fs.readdirSync(target)).toEqual(['ghi-chu.txt']);
  });

  it('verifies the archive it wrote, and the package verifier tells it apart from a package', async () => {
    const v = await verifyDataArchive(archive);
    expect(v).toMatchObject({ ok: true, problems: [], checkedFiles: blobHashes.length + 1 });
    const asPackage = await verifyPackageFile(archive);
    expect(asPackage.refused).toBe(true);
    expect(asPackage.problems[0]!.message).toMatch(/tệp sao lưu toàn bộ dữ liệu.*Khôi phục từ tệp/);
  });

  const hostile: [string, () => string, RegExp][] = [
    ['a changed blob byte', () => tampered('byte.zip', (es) => {
      const b = firstBlob(es);
      const data = Buffer.from(b.data!);
      data.writeUInt8(data.readUInt8(data.length - 1) ^ 0xff, data.length - 1);
      b.data = data;
      return es;
    }), /mã SHA-256 tính lại không khớp/],
    ['an extra entry', () => tampered('extra.zip', (es) => [...es, { name: 'evidence/blobs/00/them.txt', data: Buffer.from('thừa') }]), /Tệp thừa/],
    ['a "../" path', () => tampered('slip.zip', (es) => [...es, { name: '../ngoai.txt', data: Buffer.from('x') }]), /chứa đoạn "\.\."/],
    ['a missing blob', () => tampered('missing.zip', (es) => es.filter((e) => e !== firstBlob(es))), /Thiếu tệp/],
    ['no database', () => tampered('nodb.zip', (es) => es.filter((e) => e.name !== ARCHIVE_DATABASE_PATH)), /Thiếu tệp "par\.sqlite"/],
  ];
  for (const [what, make, message] of hostile) {
    it(`refuses an archive with ${what}, in Vietnamese, writing nothing`, async () => {
      const file = make();
      const parent = freshParent();
      await expect(restoreDataArchive(file, path.join(parent, 'moi'))).rejects.toThrow(message);
      await expect(restoreDataArchive(file, path.join(parent, 'moi'))).rejects.toThrow(/^Tệp sao lưu bị từ chối, không có gì được ghi/);
      expect(fs.readdirSync(parent)).toEqual([]);
    });
  }

  it('refuses a submission package given instead, saying what it is', async () => {
    const exported = await h.call('package:export', { assessmentId: packaged.assessmentId });
    const pkg = path.join(h.dataDir, exported.downloadPath);
    const parent = freshParent();
    await expect(restoreDataArchive(pkg, path.join(parent, 'moi'))).rejects.toThrow(/là gói hồ sơ nộp Sở Nội vụ.*Nhập gói/);
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});
