import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashCriteriaSet } from '../../../main/criteria/hash-set';
import { importCriteriaSet } from '../../../main/criteria/import-set';
import { importCriteriaSetXlsx } from '../../../main/criteria/xlsx/import-set-xlsx';
import { readCriteriaSetXlsx } from '../../../main/criteria/xlsx/read-criteria-xlsx';
import { writeCriteriaSetXlsx } from '../../../main/criteria/xlsx/write-criteria-xlsx';
import { openDatabase } from '../../../main/store/open';
import { SAMPLE_FILES, loadSampleSet, loadWorkbook } from '../../helpers/criteria-xlsx';
import { NOW, makeTempDir, type TempDir } from '../../helpers/store-temp';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir('par-xlsx-');
});
afterEach(() => temp.cleanup());

describe('criteria set → .xlsx → criteria set', () => {
  it.each(SAMPLE_FILES)('%s comes back with the identical canonical hash, and installs as the same set', async (file) => {
    const set = loadSampleSet(file);
    const xlsxFile = temp.file('bo-chi-so.xlsx');
    fs.writeFileSync(xlsxFile, await writeCriteriaSetXlsx(set));

    const bytes = fs.readFileSync(xlsxFile);
    const read = await readCriteriaSetXlsx(bytes, 'bo-chi-so.xlsx');
    if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 3)));
    expect(hashCriteriaSet(read.set).hash).toBe(hashCriteriaSet(set).hash);

    const db = openDatabase(temp.file('app.sqlite'));
    try {
      const fromJson = importCriteriaSet(db, { text: fs.readFileSync(file, 'utf8'), fileName: file, confirmNewVersion: false }, NOW);
      const fromXlsx = await importCriteriaSetXlsx(db, { bytes, fileName: 'bo-chi-so.xlsx', confirmNewVersion: false }, NOW);
      expect(fromXlsx).toEqual({ summary: fromJson.summary, alreadyInstalled: true });
    } finally {
      db.close();
    }
  });

  it('writes a readable, printable sheet: frozen header repeated on print, wrapped text, landscape A4, codes as text', async () => {
    const workbook = await loadWorkbook(await writeCriteriaSetXlsx(loadSampleSet(SAMPLE_FILES[0])));
    const sheet = workbook.getWorksheet('Bộ chỉ số')!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa', 'Cách chấm', 'Ngưỡng tỷ lệ']));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
    expect(sheet.getRow(3).getCell(2).alignment).toMatchObject({ wrapText: true });
    expect(sheet.getRow(3).getCell(1).value).toBe('1.1');
    expect(workbook.getWorksheet('Thông tin')!.getRow(3).values).toEqual([undefined, 'Mã bộ chỉ số', 'mau-xa-phuong-2026']);
  });
});
