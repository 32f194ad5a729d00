/** Appendix 2: the evidence list — one row per file, with its size and the first 12 hex digits of
 *  its SHA-256, the same as in the submission package. */
import { AlignmentType, type FileChild } from 'docx';
import { appendixHeading } from './appendix-heading';
import { formatBytesVi } from '../../../shared/format/numbers';
import { evidenceLine } from './format';
import { gridTable, headerCells, type GridCell } from './grid';
import type { ReportEvidence, ReportModel } from './model';
import { LANDSCAPE_TEXT_WIDTH, SIZE } from './page-setup';
import { bodyPara } from './text';

const FIXED = [700, 1100, 5300, 3300, 1200];
const WIDTHS = [...FIXED, LANDSCAPE_TEXT_WIDTH - FIXED.reduce((a, b) => a + b, 0)];
const HEADER = ['STT', 'Mã tiêu chí', 'Tài liệu (số/ký hiệu, ngày, trích yếu)', 'Tên tệp', 'Dung lượng', 'SHA-256 (12 ký tự đầu)'];
const C = AlignmentType.CENTER;
export const NO_EVIDENCE_TEXT = 'Chưa có tài liệu kiểm chứng.';

interface ListedFile {
  code: string;
  evidence: ReportEvidence;
  file: { name: string; size: number; sha256: string } | null;
}

/** Every file of every evidence document, in tree order (a document without files is listed once). */
export function listedFiles(model: ReportModel): ListedFile[] {
  const out: ListedFile[] = [];
  for (const row of model.rows) {
    for (const evidence of row.evidence) {
      if (evidence.files.length === 0) out.push({ code: row.code, evidence, file: null });
      for (const file of evidence.files) out.push({ code: row.code, evidence, file });
    }
  }
  return out;
}

function fileCells(item: ListedFile, index: number): GridCell[] {
  return [
    { text: String(index + 1), align: C },
    { text: item.code, align: C },
    { text: evidenceLine(item.evidence) },
    { text: item.file?.name ?? '(chưa có tệp)', italics: !item.file },
    { text: item.file ? formatBytesVi(item.file.size) : '', align: C },
    { text: item.file ? item.file.sha256.slice(0, 12) : '', align: C },
  ];
}

export function appendix2(model: ReportModel): FileChild[] {
  const heading = appendixHeading(model, 2, 'Danh mục tài liệu kiểm chứng', { newPage: true });
  const files = listedFiles(model);
  if (files.length === 0) return [...heading, bodyPara(NO_EVIDENCE_TEXT)];
  return [...heading, gridTable(WIDTHS, headerCells(HEADER), { count: files.length, row: (i) => fileCells(files[i]!, i) }, { size: SIZE.appendix })];
}
