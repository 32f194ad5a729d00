/** Part II (explanations for criteria without, or with incomplete, evidence) and part III
 *  (difficulties, obstacles and recommendations). */
import type { Paragraph } from 'docx';
import type { ReportModel, ReportRow } from './model';
import { evidenceIncomplete, points } from './format';
import { bodyPara, headingPara, run } from './text';

/** Scored leaves claiming points without full evidence, and every leaf the officer explained. */
export function explainedRows(model: ReportModel): ReportRow[] {
  return model.rows.filter((r) => {
    if (!r.isLeaf || r.state !== 'answered') return false;
    const unbacked = r.part !== 'penalty' && (r.pointsMilli ?? 0) > 0 && evidenceIncomplete(r);
    return unbacked || r.explanation !== '';
  });
}

function evidenceNote(row: ReportRow): string {
  if (row.part === 'penalty') return '';
  if (row.evidence.length === 0) return '; chưa có tài liệu kiểm chứng';
  return evidenceIncomplete(row) ? '; tài liệu kiểm chứng chưa đầy đủ' : '';
}

function explanationPara(row: ReportRow): Paragraph {
  const label = row.part === 'penalty' ? 'điểm trừ' : 'tự chấm';
  const score = `${label} ${points(row.pointsMilli ?? 0)}/${points(row.maxMilli)} điểm`;
  return bodyPara([
    run(`${row.code}. ${row.title}`, { bold: true }),
    run(` (${score}${evidenceNote(row)}): `),
    row.explanation ? run(row.explanation) : run('chưa có giải trình.', { italics: true }),
  ]);
}

export function explanationsSection(model: ReportModel): Paragraph[] {
  const rows = explainedRows(model);
  const body = rows.length > 0 ? rows.map(explanationPara) : [bodyPara('Không có tiêu chí nào cần giải trình.')];
  return [headingPara('II. GIẢI TRÌNH CÁC TIÊU CHÍ CHƯA CÓ HOẶC CHƯA ĐỦ TÀI LIỆU KIỂM CHỨNG'), ...body];
}

export function difficultiesSection(model: ReportModel): Paragraph[] {
  const lines = model.settings.difficulties
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const body = lines.length > 0 ? lines.map((l) => bodyPara(l)) : [bodyPara('Không có.')];
  return [headingPara('III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ'), ...body];
}

export function closingPara(model: ReportModel): Paragraph {
  return bodyPara(`Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${model.year} của ${model.agency.ordinaryName}./.`);
}
