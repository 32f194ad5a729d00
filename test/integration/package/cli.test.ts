/** `par export-package`, `par verify` and `par import-package` as a user runs them: real processes,
 *  real files, exit codes (0 all good, 1 a problem with the package or data, 2 called wrongly). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness } from '../../helpers/app-harness';
import { packagedAssessment } from '../../helpers/package-fixture';
import { PackageParts } from '../../helpers/package-hostile';
import { repoRoot } from '../../helpers/web-server-process';

let dataDir: string;
let assessmentId: number;
let work: string;
let good: string;

function par(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, PAR_DATA_DIR: '' },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  const h = createHarness();
  assessmentId = (await packagedAssessment(h)).assessmentId;
  h.ctx.close();
  dataDir = h.dataDir;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'par-cli-package-'));
  good = path.join(work, 'goi.zip');
}, 60_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

// Each test starts the CLI several times (a cold tsx start each): on 2 busy cores that outgrows 30 s.
describe('par export-package / verify / import-package', { timeout: 240_000 }, () => {
  it('exports a package to the chosen file (exit 0)', () => {
    const r = par('export-package', '--data', dataDir, '--assessment', String(assessmentId), '--out', good);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã xuất gói hồ sơ');
    expect(r.out).toContain('4 tệp kiểm chứng');
    expect(fs.existsSync(good)).toBe(true);
  });

  it('verify: exit 0 on a good package, with the agency, the total and the verdict', () => {
    const r = par('verify', good);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Cơ quan: SỞ NỘI VỤ — năm 2026');
    expect(r.out).toMatch(/Tổng điểm: \d+,\d+ \/ \d+(,\d+)? điểm/);
    expect(r.out).toContain('KẾT QUẢ: HỢP LỆ');
  });

  it('verify: exit 1 on an altered package, listing the altered file', () => {
    const parts = new PackageParts(fs.readFileSync(good));
    const target = 'tai-lieu-kiem-chung/1.1.2/45-BC-SNV/Báo cáo kiểm tra.pdf';
    const altered = parts.zip(parts.files, { change: (m) => (m.files.find((f) => f.path === target)!.sha256 = '0'.repeat(64)) });
    const file = path.join(work, 'bi-sua.zip');
    fs.writeFileSync(file, altered);
    const r = par('verify', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('KẾT QUẢ: KHÔNG HỢP LỆ — 1 vấn đề');
    expect(r.err).toContain(`[bị thay đổi] Tệp "${target}" đã bị thay đổi`);
    expect(r.err).toContain(`Tệp bị thay đổi: ${target}`);
    const json = par('verify', '--json', file);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, altered: [target] });
  });

  it('verify: exit 1 on a file that is not there or not a zip', () => {
    expect(par('verify', path.join(work, 'khong-co.zip'))).toMatchObject({ code: 1, err: expect.stringContaining('Không tìm thấy tệp gói') });
    const notZip = path.join(work, 'vanban.zip');
    fs.writeFileSync(notZip, 'không phải zip');
    expect(par('verify', notZip)).toMatchObject({ code: 1, err: expect.stringContaining('không phải gói hồ sơ .zip hợp lệ') });
  });

  it('verify: exit 2 when called wrongly', () => {
    expect(par('verify').code).toBe(2);
    expect(par('verify', 'a.zip', 'b.zip').code).toBe(2);
    expect(par('verify', '--khong-co', good)).toMatchObject({ code: 2, err: expect.stringContaining('Cách dùng: par verify') });
  });

  it('import-package: into a fresh data folder (exit 0), again without change (exit 0), exit 2 without a package', () => {
    const fresh = path.join(work, 'du-lieu-moi');
    const first = par('import-package', '--data', fresh, good);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Đã nhập gói: tạo cơ quan mới');
    expect(first.out).toContain('4 tài liệu kiểm chứng mới (5 tệp)');
    const again = par('import-package', '--data', fresh, good);
    expect(again.code).toBe(0);
    expect(again.out).toContain('dữ liệu không thay đổi');
    expect(par('import-package', '--data', fresh).code).toBe(2);
    const verifyAfter = par('export-package', '--data', fresh, '--assessment', '1', '--out', path.join(work, 'lai.zip'));
    expect(verifyAfter.code).toBe(0);
    expect(par('verify', path.join(work, 'lai.zip')).code).toBe(0);
  });

  it('import-package: a hostile package is refused (exit 1) with its message', () => {
    const parts = new PackageParts(fs.readFileSync(good));
    const file = path.join(work, 'doc-hai.zip');
    fs.writeFileSync(file, parts.with({ name: '../../thoat-ra.pdf', data: Buffer.from('%PDF-1.4') }));
    const r = par('import-package', '--data', path.join(work, 'du-lieu-2'), file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Gói hồ sơ không hợp lệ nên không được nhập');
    expect(r.err).toContain('chứa đoạn ".."');
    expect(fs.existsSync(path.join(work, '..', 'thoat-ra.pdf'))).toBe(false);
  });
});
