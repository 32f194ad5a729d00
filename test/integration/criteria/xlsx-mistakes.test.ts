import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCriteriaSetXlsx } from '../../../main/criteria/xlsx/import-set-xlsx';
import { writeCriteriaSetXlsx } from '../../../main/criteria/xlsx/write-criteria-xlsx';
import { listCriteriaSets } from '../../../main/store/queries/criteria-sets';
import { openDatabase } from '../../../main/store/open';
import { AppFailure } from '../../../shared/api/result';
import { SAMPLE_FILES, loadSampleSet, loadWorkbook, rowOfCode, workbookBytes } from '../../helpers/criteria-xlsx';
import { writeRawZip } from '../../helpers/package-raw-zip';
import { NOW, makeTempDir, type TempDir } from '../../helpers/store-temp';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir('par-xlsx-bad-');
});
afterEach(() => temp.cleanup());

/** Imports the file on disk into a real database; returns the problems and the sets installed after. */
async function importFile(file: string) {
  const db = openDatabase(temp.file('app.sqlite'));
  try {
    let issues: { path: string; message: string }[] = [];
    try {
      await importCriteriaSetXlsx(db, { bytes: fs.readFileSync(file), fileName: file.split('/').pop()!, confirmNewVersion: true }, NOW);
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      issues = error.extra.issues ?? [{ path: '', message: error.message }];
    }
    return { issues, installed: listCriteriaSets(db).length };
  } finally {
    db.close();
  }
}

describe('an .xlsx with many mistakes', () => {
  it('reports each one at its cell in Vietnamese, and installs nothing', async () => {
    const workbook = await loadWorkbook(await writeCriteriaSetXlsx(loadSampleSet(SAMPLE_FILES[0])));
    const sheet = workbook.getWorksheet('Bộ chỉ số')!;
    const row = (code: string) => rowOfCode(sheet, code);
    const set = (code: string, column: string, value: unknown) => {
      sheet.getCell(`${column}${row(code)}`).value = value as never;
    };
    set('1.2.2', 'C', null); // missing maximum
    set('4.2.1', 'C', 1.5); // 4.2 no longer adds up
    set('1.3.1', 'F', 'Chấm tay'); // unknown rule word
    set('1.4.1', 'G', '0.5'); // a dot instead of a decimal comma
    set('2.2.2', 'C', { formula: '0.5+0.5', result: 1 }); // formula
    set('1.2.1', 'N', new Date(Date.UTC(2026, 0, 5))); // a date where a number is expected (Excel gives it a date format)
    const dateCell = sheet.getCell(`N${row('1.2.1')}`);
    dateCell.style = { ...dateCell.style, numFmt: 'dd/mm/yyyy' }; // its own style: cells share their column's
    set('1.1.2', 'K', '70% - 90% = 1; dưới 70% = 0'); // a tier that cannot be read
    set('2.1.2', 'P', 'Được'); // not Có/Không
    set('3.3.2', 'L', 'Tùy'); // unknown "Khi không phát sinh"
    sheet.mergeCells(`D${row('2.1.1')}:D${row('2.1.2')}`); // merged cells
    set('2.3.1', 'A', '2.9.1'); // a code that does not extend its parent
    set('2.3.3', 'A', '2.3.2'); // a duplicate code
    const blankAt = row('5.1');
    sheet.spliceRows(blankAt, 0, []); // an empty row in the middle
    const info = workbook.getWorksheet('Thông tin')!;
    const yearRow = [...Array(info.rowCount).keys()].map((i) => i + 1).find((r) => info.getCell(`A${r}`).value === 'Năm')!;
    info.getCell(`B${yearRow}`).value = 'hai nghìn'; // not a number
    workbook.addWorksheet('Nháp', { state: 'hidden' }); // a hidden sheet

    const file = temp.file('bo-chi-so-loi.xlsx');
    fs.writeFileSync(file, await workbookBytes(workbook));
    const { issues, installed } = await importFile(file);

    const at = (code: string) => rowOfCode(sheet, code);
    const expected: [string, string][] = [
      [`Bộ chỉ số!C${at('1.2.2')}`, 'Thiếu điểm tối đa.'],
      [`Bộ chỉ số!C${at('4.2')}`, 'Điểm tối đa của mục 4.2 là 2 nhưng tổng điểm tối đa của các mục con là 2,5.'],
      [`Bộ chỉ số!F${at('1.3.1')}`, 'Không hiểu cách chấm "Chấm tay"'],
      [`Bộ chỉ số!G${at('1.4.1')}`, '"0.5" dùng dấu chấm; hãy dùng dấu phẩy cho phần thập phân'],
      [`Bộ chỉ số!C${at('2.2.2')}`, 'Ô có công thức (=0.5+0.5)'],
      [`Bộ chỉ số!N${at('1.2.1')}`, 'Ô đang là ngày tháng'],
      [`Bộ chỉ số!K${at('1.1.2')}`, 'không rõ 90% thuộc mức nào'],
      [`Bộ chỉ số!P${at('2.1.2')}`, '"Được" không phải Có hoặc Không.'],
      [`Bộ chỉ số!L${at('3.3.2')}`, 'Không hiểu "Tùy"'],
      [`Bộ chỉ số!D${at('2.1.1')}`, `Các ô D${at('2.1.1')}:D${at('2.1.2')} đang được gộp`],
      [`Bộ chỉ số!A${at('2.9.1')}`, 'Mã 2.9.1 không nối tiếp mục cha: phía trên không có dòng 2.9.'],
      [`Bộ chỉ số!A${at('2.3.2') + 1}`, `Mã 2.3.2 bị trùng với dòng ${at('2.3.2')}`],
      [`Bộ chỉ số!A${blankAt}`, `Dòng ${blankAt} để trống giữa bảng`],
      [`Thông tin!B${yearRow}`, '"Năm": Số không hợp lệ'],
      ['Nháp', 'Trang tính "Nháp" đang bị ẩn'],
    ];
    for (const [cell, text] of expected) {
      expect(issues, `${cell}: ${text}`).toContainEqual({ path: cell, message: expect.stringContaining(text) });
    }
    expect(issues.map((issue) => issue.path).sort()).toEqual(expected.map(([cell]) => cell).sort());
    expect(installed).toBe(0);
  });
});

describe('files refused before they are read', () => {
  it('refuses a file over 20 MB without parsing it', async () => {
    const file = temp.file('qua-lon.xlsx');
    const bytes = Buffer.alloc(21 * 1024 * 1024);
    bytes.write('PK\u0003\u0004', 'latin1');
    fs.writeFileSync(file, bytes);
    const { issues, installed } = await importFile(file);
    expect(issues).toEqual([{ path: '', message: expect.stringContaining('vượt giới hạn 20 MB') }]);
    expect(installed).toBe(0);
  });

  it('refuses an encrypted workbook (an OLE container, D0 CF 11 E0)', async () => {
    const file = temp.file('co-mat-khau.xlsx');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    const { issues, installed } = await importFile(file);
    expect(issues).toEqual([{ path: '', message: expect.stringContaining('Tệp được mã hóa (đặt mật khẩu)') }]);
    expect(installed).toBe(0);
  });

  it('refuses a macro-enabled workbook (a vbaProject part), whatever its name', async () => {
    const file = temp.file('co-macro.xlsx');
    fs.writeFileSync(
      file,
      writeRawZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/vbaProject.bin', data: Buffer.from('macro') },
      ]),
    );
    const { issues, installed } = await importFile(file);
    expect(issues).toEqual([{ path: '', message: expect.stringContaining('Tệp có macro (VBA, tệp .xlsm)') }]);
    expect(installed).toBe(0);
    const named = temp.file('bo-chi-so.xlsm');
    fs.copyFileSync(await writeSampleXlsx(), named);
    expect((await importFile(named)).issues[0]?.message).toContain('Tệp có macro');
  });

  it('refuses a file that is not a workbook at all', async () => {
    const file = temp.file('khong-phai.xlsx');
    fs.writeFileSync(file, '{"format":"par-criteria-set/v1"}');
    expect((await importFile(file)).issues).toEqual([{ path: '', message: expect.stringContaining('không phải sổ làm việc Excel .xlsx') }]);
  });
});

async function writeSampleXlsx(): Promise<string> {
  const file = temp.file('mau.xlsx');
  fs.writeFileSync(file, await writeCriteriaSetXlsx(loadSampleSet(SAMPLE_FILES[0])));
  return file;
}
