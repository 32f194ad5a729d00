/** The year-over-year comparison as .xlsx under <data>/exports/ (three sheets: the years, points
 *  per field, the criteria that lost points). Numbers are numeric cells with two decimals, so Excel
 *  shows them the Vietnamese way (8,75) on a Vietnamese system. Written to a temp file, fsynced,
 *  renamed. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type Database from 'better-sqlite3';
import type { ExportedFileView } from '../../shared/api/channels/history';
import type { YearComparison } from '../../shared/api/channels/years';
import { STATUS_NAME_VI } from '../../shared/domain/assessment-status';
import { writeFileAtomic } from '../disk/atomic-write';
import { EXPORTS_FOLDER } from '../report/export-report';
import { getAgency } from '../store/queries/agencies';
import { compareYears } from './year-over-year';

const points = (milli: number | null): number | null => (milli === null ? null : milli / 1000);
const NUMBER = '0.00';

function header(ws: ExcelJS.Worksheet, columns: Partial<ExcelJS.Column>[]): void {
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export function comparisonWorkbook(c: YearComparison, agencyName: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const years = wb.addWorksheet('Các năm');
  header(years, [
    { header: 'Năm', key: 'year', width: 8 },
    { header: 'Bộ chỉ số', key: 'set', width: 36 },
    { header: 'Trạng thái', key: 'status', width: 22 },
    { header: 'Điểm tự đánh giá', key: 'self', width: 14, style: { numFmt: NUMBER } },
    { header: 'Điểm tối đa', key: 'max', width: 12, style: { numFmt: NUMBER } },
    { header: 'Chỉ số tự đánh giá (%)', key: 'selfIndex', width: 14, style: { numFmt: NUMBER } },
    { header: 'Xếp loại tự đánh giá', key: 'selfClass', width: 18 },
    { header: 'Điểm công bố', key: 'final', width: 12, style: { numFmt: NUMBER } },
    { header: 'Chỉ số công bố (%)', key: 'index', width: 14, style: { numFmt: NUMBER } },
    { header: 'Xếp loại công bố', key: 'className', width: 18 },
    { header: 'Thứ hạng', key: 'rank', width: 12 },
  ]);
  for (const y of c.years) {
    const p = y.published;
    years.addRow({
      year: y.year,
      set: y.setTitle,
      status: STATUS_NAME_VI[y.status],
      self: points(y.selfMilli),
      max: points(y.maxMilli),
      selfIndex: points(y.selfIndexMilli),
      selfClass: y.selfClass ?? '',
      final: p ? points(p.finalScoreMilli) : null,
      index: p ? points(p.indexMilli) : null,
      className: p?.className ?? '',
      rank: p ? (p.rankOf === null ? `${p.rank}` : `${p.rank}/${p.rankOf}`) : '',
    });
  }
  const fields = wb.addWorksheet('Điểm theo lĩnh vực');
  header(fields, [{ header: 'Mã', key: 'code', width: 6 }, { header: 'Lĩnh vực', key: 'title', width: 44 }, ...c.years.map((y) => ({ header: `${y.year}`, key: `y${y.year}`, width: 10, style: { numFmt: NUMBER } }))]);
  for (const f of c.fields) {
    const row: Record<string, string | number | null> = { code: f.code, title: f.title };
    c.years.forEach((y, i) => (row[`y${y.year}`] = points(f.pointsMilli[i] ?? null)));
    fields.addRow(row);
  }
  const lost = wb.addWorksheet('Tiêu chí bị giảm điểm');
  header(lost, [
    { header: 'Từ năm', key: 'fromYear', width: 8 },
    { header: 'Sang năm', key: 'toYear', width: 9 },
    { header: 'Mã tiêu chí', key: 'code', width: 12 },
    { header: 'Tiêu chí', key: 'title', width: 50 },
    { header: 'Mã năm trước', key: 'fromCodes', width: 14 },
    { header: 'Điểm năm trước', key: 'before', width: 13, style: { numFmt: NUMBER } },
    { header: 'Điểm năm sau', key: 'after', width: 13, style: { numFmt: NUMBER } },
    { header: 'Giảm', key: 'loss', width: 10, style: { numFmt: NUMBER } },
  ]);
  for (const l of c.lost) {
    lost.addRow({ fromYear: l.fromYear, toYear: l.toYear, code: l.code, title: l.title, fromCodes: l.fromCodes.join(', '), before: points(l.beforeMilli), after: points(l.afterMilli), loss: points(l.beforeMilli - l.afterMilli) });
  }
  wb.creator = agencyName;
  return wb;
}

export async function exportYearComparison(db: Database.Database, dataDir: string, agencyId: number): Promise<ExportedFileView> {
  const comparison = compareYears(db, agencyId);
  const agency = getAgency(db, agencyId);
  const fileName = `so-sanh-cac-nam-${agencyId}.xlsx`;
  const file = path.join(dataDir, EXPORTS_FOLDER, fileName);
  await writeFileAtomic(file, Buffer.from(await comparisonWorkbook(comparison, agency ? agency.name : '').xlsx.writeBuffer()));
  const size = (await fs.promises.stat(file)).size;
  return { fileName, size, downloadPath: `${EXPORTS_FOLDER}/${fileName}` };
}
