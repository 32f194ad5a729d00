/** `par backup` and `par restore` as a user runs them: real processes, real files, exit codes
 *  (0 done, 1 refused with a Vietnamese message, 2 called wrongly), the data folder's lock. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../../main/evidence/blob-store';
import { acquireDataLock } from '../../../main/startup/data-lock';
import { databasePath } from '../../../main/store/open';
import { createHarness } from '../../helpers/app-harness';
import { packagedAssessment, sha256File } from '../../helpers/package-fixture';
import { repoRoot } from '../../helpers/web-server-process';

let dataDir: string;
let work: string;
let archive: string;
let hashes: string[];
let assessmentId: number;

function par(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PAR_DATA_DIR: '' }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  const h = createHarness();
  assessmentId = (await packagedAssessment(h)).assessmentId;
  hashes = h.ctx.db.prepare('SELECT DISTINCT blob_hash FROM evidence_files').pluck().all() as string[];
  h.ctx.close();
  dataDir = h.dataDir;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'par-cli-archive-'));
  archive = path.join(work, 'toan-bo.zip');
}, 60_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

// Each spawn compiles the CLI with tsx: seconds each on a busy machine.
describe('par backup / par restore', { timeout: 120_000 }, () => {
  it('backup is refused (exit 1) while the app holds the data folder', () => {
    const release = acquireDataLock(dataDir, 'web');
    try {
      const r = par('backup', '--data', dataDir, '--out', archive);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/đang được ứng dụng chạy trong trình duyệt .* sử dụng/);
      expect(fs.existsSync(archive)).toBe(false);
    } finally {
      release();
    }
  });

  it('backup writes the archive (exit 0) and says what is in it', () => {
    const r = par('backup', '--data', dataDir, '--out', archive);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Đã ghi tệp sao lưu toàn bộ dữ liệu: ${archive}`);
    expect(r.out).toContain(`${hashes.length} tệp kiểm chứng`);
  });

  it('restore into a new folder (exit 0): the database and every blob, hash-checked', () => {
    const target = path.join(work, 'may-moi', 'du-lieu');
    const r = par('restore', archive, '--data', target);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`vào ${target}`);
    expect(fs.existsSync(databasePath(target))).toBe(true);
    for (const hash of hashes) expect(sha256File(blobPath(target, hash))).toBe(hash);
  });

  it('restore into a folder that is not empty: exit 1, nothing changed', () => {
    const r = par('restore', archive, '--data', dataDir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Lỗi: Thư mục .* không trống/);
  });

  it('restore of a submission package: exit 1, says it is a package', () => {
    const pkg = path.join(work, 'goi.zip');
    expect(par('export-package', '--data', dataDir, '--assessment', String(assessmentId), '--out', pkg).code).toBe(0);
    const target = path.join(work, 'nham-goi');
    const r = par('restore', pkg, '--data', target);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/là gói hồ sơ nộp Sở Nội vụ/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('called wrongly: exit 2 with the usage', () => {
    expect(par('backup', '--data', dataDir).code).toBe(2);
    expect(par('backup', '--data', dataDir, '--out', path.join(work, 'x.txt')).err).toMatch(/đuôi \.zip/);
    const r = par('restore', archive);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Cách dùng: par restore');
  });
});
