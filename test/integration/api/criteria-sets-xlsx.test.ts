import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { loadWorkbook, rowOfCode, workbookBytes } from '../../helpers/criteria-xlsx';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

describe('criteria sets as .xlsx through the channels', () => {
  it('exports an installed set to exports/, and importing that file finds the same set', async () => {
    const json = fs.readFileSync('seeds/sample-department-2026.json', 'utf8');
    const installed = await h.call('criteriaSets:import', { fileName: 'so-nganh.json', text: json, confirmNewVersion: false });
    const exported = await h.call('criteriaSets:export', { hash: installed.summary.hash, format: 'xlsx' });
    expect(exported.fileName).toBe('bo-chi-so-mau-so-ban-nganh-2026-v1.xlsx');
    expect(exported.downloadPath).toBe(`exports/${exported.fileName}`);
    const bytes = fs.readFileSync(path.join(h.dataDir, exported.downloadPath));
    expect(bytes.length).toBe(exported.size);

    const again = await h.call('criteriaSets:importXlsx', { fileName: exported.fileName, dataBase64: bytes.toString('base64'), confirmNewVersion: false });
    expect(again).toEqual({ summary: installed.summary, alreadyInstalled: true });
  });

  it('refuses a workbook with problems, listing them by cell, and installs nothing; the fixed file installs', async () => {
    const json = fs.readFileSync('seeds/sample-commune-2026.json', 'utf8');
    const installed = await h.call('criteriaSets:import', { fileName: 'xa.json', text: json, confirmNewVersion: false });
    const exported = await h.call('criteriaSets:export', { hash: installed.summary.hash, format: 'xlsx' });
    const workbook = await loadWorkbook(fs.readFileSync(path.join(h.dataDir, exported.downloadPath)));
    const sheet = workbook.getWorksheet('Bộ chỉ số')!;
    const titleRow = rowOfCode(sheet, '1.1.1');
    sheet.getCell(`F${titleRow}`).value = 'Chấm tay';
    const info = workbook.getWorksheet('Thông tin')!;
    info.getCell('B3').value = 'xa-phuong-tinh-2026';
    const before = (await h.call('criteriaSets:list', {})).sets.length;

    const error = await h.fail('criteriaSets:importXlsx', { fileName: 'loi.xlsx', dataBase64: (await workbookBytes(workbook)).toString('base64'), confirmNewVersion: false });
    expect(error.code).toBe('INVALID_CRITERIA_SET');
    expect(error.issues).toEqual([{ path: `Bộ chỉ số!F${titleRow}`, message: expect.stringContaining('Không hiểu cách chấm "Chấm tay"') }]);
    expect((await h.call('criteriaSets:list', {})).sets.length).toBe(before);

    sheet.getCell(`F${titleRow}`).value = 'Theo mức';
    const fixed = await h.call('criteriaSets:importXlsx', { fileName: 'sua.xlsx', dataBase64: (await workbookBytes(workbook)).toString('base64'), confirmNewVersion: false });
    expect(fixed.alreadyInstalled).toBe(false);
    expect(fixed.summary.id).toBe('xa-phuong-tinh-2026');
  });

  it('refuses bytes that are not base64, in Vietnamese', async () => {
    const error = await h.fail('criteriaSets:importXlsx', { fileName: 'x.xlsx', dataBase64: 'không phải base64', confirmNewVersion: false });
    expect(error.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(error)).toContain('Dữ liệu tệp không hợp lệ');
  });
});
