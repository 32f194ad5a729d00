/** `par export-report` as a user runs it: a real process against a data folder prepared through
 *  the app, with its exit codes (0 done, 1 a problem with the data, 2 called wrongly). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice } from '../../../main/report/libreoffice';
import { createHarness } from '../../helpers/app-harness';
import { docxParts, xmlText } from '../../helpers/docx-xml';
import { departmentAssessment } from '../../helpers/report-assessment';
import { repoRoot } from '../../helpers/web-server-process';

let dataDir: string;
let complete: number;
let incomplete: number;
let outDir: string;

function par(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), 'export-report', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, PAR_DATA_DIR: '', ...env },
    timeout: 150_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  const h = createHarness();
  complete = (await departmentAssessment(h, { complete: true })).assessmentId;
  incomplete = (await departmentAssessment(h, { complete: false, leaveOut: 5 })).assessmentId;
  h.ctx.close();
  dataDir = h.dataDir;
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-cli-report-'));
}, 60_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('par export-report', () => {
  it('writes the final report of a complete assessment (exit 0)', () => {
    const out = path.join(outDir, 'bao-cao.docx');
    const r = par(['--data', dataDir, '--assessment', String(complete), '--out', out, '--final']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã xuất báo cáo');
    const text = xmlText(docxParts(fs.readFileSync(out)).document);
    expect(text).toContain('BÁO CÁO');
    expect(text).not.toContain('DỰ THẢO');
  });

  it('writes a draft of an incomplete assessment and says what is missing; refuses --final (exit 1)', () => {
    const out = path.join(outDir, 'nested', 'du-thao.docx');
    const r = par(['--assessment', String(incomplete), '--out', out], { PAR_DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.out).toContain('DỰ THẢO');
    expect(r.out).toContain('Còn 5 tiêu chí chưa chấm');
    expect(xmlText(docxParts(fs.readFileSync(out)).document)).toContain('DỰ THẢO');

    const finalOut = path.join(outDir, 'chinh-thuc.docx');
    const refused = par(['--data', dataDir, '--assessment', String(incomplete), '--out', finalOut, '--final']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Chưa xuất được bản chính thức');
    expect(refused.err).toContain('Còn 5 tiêu chí chưa chấm');
    expect(fs.existsSync(finalOut)).toBe(false);
  });

  it('reports an unknown assessment or data folder with exit 1', () => {
    const unknown = par(['--data', dataDir, '--assessment', '999', '--out', path.join(outDir, 'x.docx')]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Không tìm thấy kỳ đánh giá');
    const noData = par(['--data', path.join(outDir, 'khong-co'), '--assessment', '1', '--out', path.join(outDir, 'x.docx')]);
    expect(noData.code).toBe(1);
    expect(noData.err).toContain('Không tìm thấy dữ liệu');
  });

  it('reports a wrong call with exit 2', () => {
    const out = path.join(outDir, 'x.docx');
    for (const args of [
      ['--data', dataDir, '--out', out],
      ['--data', dataDir, '--assessment', '1'],
      ['--data', dataDir, '--assessment', 'abc', '--out', out],
      ['--data', dataDir, '--assessment', '1', '--out', path.join(outDir, 'x.odt')],
      ['--data', dataDir, '--assessment', '1', '--out', out, '--bogus'],
      ['--data', dataDir, '--assessment', '1', '--out', out, 'extra'],
    ]) {
      const r = par(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('Cách dùng: par export-report');
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it.skipIf(!findSoffice())('writes a PDF when LibreOffice is installed', () => {
    const out = path.join(outDir, 'bao-cao.pdf');
    const r = par(['--data', dataDir, '--assessment', String(complete), '--out', out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
