/** `par convert` and `par validate` on .xlsx, as a user runs them: a real process and real files. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, rowOfCode, workbookBytes } from '../../helpers/criteria-xlsx';
import { repoRoot } from '../../helpers/web-server-process';

function par(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'par-convert-'));
/** Each run starts node with tsx (seconds on a busy machine); a test runs several. */
const SLOW = { timeout: 240_000 };
const hashOf = (out: string) => /SHA-256: ([0-9a-f]{64})/.exec(out)?.[1];

describe('par convert', () => {
  it('converts a sample JSON → .xlsx → JSON, keeping its SHA-256, and validates the .xlsx', SLOW, () => {
    const dir = tempDir();
    const json = path.join(repoRoot, 'seeds', 'sample-commune-2026.json');
    const original = par('validate', json);
    const toXlsx = par('convert', json, path.join(dir, 'bo-chi-so.xlsx'));
    expect(toXlsx.err).toBe('');
    expect(toXlsx.code).toBe(0);
    expect(hashOf(toXlsx.out)).toBe(hashOf(original.out));

    const validated = par('validate', path.join(dir, 'bo-chi-so.xlsx'));
    expect(validated.code).toBe(0);
    expect(validated.out).toContain('Hợp lệ: Bộ chỉ số mẫu');
    expect(hashOf(validated.out)).toBe(hashOf(original.out));

    const back = par('convert', path.join(dir, 'bo-chi-so.xlsx'), path.join(dir, 'lai.json'));
    expect(back.code).toBe(0);
    expect(hashOf(par('validate', path.join(dir, 'lai.json')).out)).toBe(hashOf(original.out));
  });

  it('lists the problems of a bad .xlsx by cell, exits 1 and writes nothing', SLOW, async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, 'bo-chi-so.xlsx');
    expect(par('convert', path.join(repoRoot, 'seeds', 'sample-department-2026.json'), xlsx).code).toBe(0);
    const workbook = await loadWorkbook(fs.readFileSync(xlsx));
    const sheet = workbook.getWorksheet('Bộ chỉ số')!;
    const row = rowOfCode(sheet, '1.1.1');
    sheet.getCell(`C${row}`).value = '1.5';
    fs.writeFileSync(xlsx, await workbookBytes(workbook));

    const validated = par('validate', xlsx);
    expect(validated.code).toBe(1);
    expect(validated.err).toContain(`Bộ chỉ số!C${row}: Điểm tối đa: "1.5" dùng dấu chấm; hãy dùng dấu phẩy`);
    const converted = par('convert', xlsx, path.join(dir, 'ra.json'));
    expect(converted.code).toBe(1);
    expect(converted.err).toContain(`Bộ chỉ số!C${row}`);
    expect(fs.existsSync(path.join(dir, 'ra.json'))).toBe(false);
  });

  it('refuses other file kinds and wrong arguments', SLOW, () => {
    const dir = tempDir();
    expect(par('convert', path.join(repoRoot, 'seeds', 'sample-commune-2026.json'), path.join(dir, 'ra.csv'))).toMatchObject({ code: 1 });
    expect(par('convert', 'mot-tep.json').code).toBe(2);
  });
});
