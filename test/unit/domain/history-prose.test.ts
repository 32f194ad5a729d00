/** History rows in words: every kind of change the services record (grep recordChange) reads as
 *  Vietnamese prose, numbers with a decimal comma, dates dd/mm/yyyy, rule inputs by their labels. */
import { describe, expect, it } from 'vitest';
import type { ScoringRule } from '../../../shared/domain/criteria-set-schema';
import { changeText, describeChange, partText, shortenText, type RecordedChange } from '../../../shared/domain/history-prose';

const RULES: Record<string, ScoringRule> = {
  '1.1': { kind: 'manual', step: 0.25 },
  '1.2': { kind: 'rate', numeratorLabel: 'Số nhiệm vụ đã hoàn thành', denominatorLabel: 'Tổng số nhiệm vụ', mode: 'proportional', noCases: 'full' },
  '1.3': { kind: 'levels', levels: [{ id: 'du', label: 'Đầy đủ', points: 1 }, { id: 'thieu', label: 'Chưa đầy đủ', points: 0.5 }] },
  '1.4': { kind: 'deduction', occurrenceLabel: 'Số báo cáo gửi chậm', perOccurrence: 0.5, minPoints: 0 },
  '1.5': { kind: 'yesNo' },
};
const ctx = { ruleOf: (code: string) => RULES[code] };

const row = (kind: string, action: string, before: unknown, after: unknown, code: string | null = null): RecordedChange => ({
  kind,
  action,
  code,
  before: before === null ? null : JSON.stringify(before),
  after: after === null ? null : JSON.stringify(after),
});
const text = (r: RecordedChange) => describeChange(r, ctx).map(partText);
const answer = (input: unknown, explanation = '', notApplicable = false) => ({ input, notApplicable, explanation });

describe('answers in words', () => {
  it('tells manual points with a decimal comma, and only what changed', () => {
    expect(text(row('answer', 'save', answer({ kind: 'manual', points: 1.5 }, 'x'), answer({ kind: 'manual', points: 2 }, 'x'), '1.1'))).toEqual(['Điểm: 1,5 → 2']);
  });
  it('tells a first save from nothing: unscored and empty explanation before', () => {
    expect(text(row('answer', 'save', null, answer({ kind: 'yesNo', achieved: true }, 'Đã ban hành kế hoạch'), '1.5'))).toEqual([
      'Kết quả: (chưa chấm) → Đạt',
      'Giải trình: (trống) → “Đã ban hành kế hoạch”',
    ]);
  });
  it('names rate numbers by the leaf’s own labels, and falls back to Tử số / Mẫu số for an unknown leaf', () => {
    const b = answer({ kind: 'rate', numerator: 3, denominator: 10 });
    const a = answer({ kind: 'rate', numerator: 5, denominator: 10 });
    expect(text(row('answer', 'save', b, a, '1.2'))).toEqual(['Số nhiệm vụ đã hoàn thành: 3 → 5']);
    expect(text(row('answer', 'save', null, a, '9.9'))).toEqual(['Tử số: (chưa chấm) → 5', 'Mẫu số: (chưa chấm) → 10']);
  });
  it('names levels by their label and deductions by what is counted', () => {
    expect(text(row('answer', 'save', answer({ kind: 'levels', levelId: 'thieu' }), answer({ kind: 'levels', levelId: 'du' }), '1.3'))).toEqual(['Mức: “Chưa đầy đủ” → “Đầy đủ”']);
    expect(text(row('answer', 'save', answer({ kind: 'deduction', occurrences: 0 }), answer({ kind: 'deduction', occurrences: 2 }), '1.4'))).toEqual(['Số báo cáo gửi chậm: 0 → 2']);
  });
  it('tells "không áp dụng" and a cleared score', () => {
    expect(text(row('answer', 'save', answer({ kind: 'yesNo', achieved: false }), answer(null, '', true), '1.5'))).toEqual(['Kết quả: Không đạt → (chưa chấm)', 'Không áp dụng: không → có']);
  });
  it('tells the explanation written for the council', () => {
    expect(text(row('answer', 'response', null, { round: 1, explanation: 'Do sáp nhập đơn vị.' }, '1.1'))).toEqual(['Giải trình theo đề nghị thẩm định vòng 1: (trống) → “Do sáp nhập đơn vị.”']);
  });
});

describe('documents, files and links in words', () => {
  const item = { docNumber: '12/KH-UBND', issuedOn: '2026-01-05', issuer: 'UBND tỉnh', docType: 'plan', summary: 'Kế hoạch CCHC năm 2026', files: [] };
  it('tells a new document with its details', () => {
    expect(text(row('evidence', 'create', null, item))).toEqual([
      'Thêm tài liệu 12/KH-UBND',
      'Số, ký hiệu: 12/KH-UBND',
      'Ngày ban hành: 05/01/2026',
      'Cơ quan ban hành: UBND tỉnh',
      'Loại văn bản: Kế hoạch',
      'Trích yếu: “Kế hoạch CCHC năm 2026”',
    ]);
  });
  it('tells an edit field by field and a deletion', () => {
    const edited = { ...item, issuedOn: null, docType: 'decision', files: ['ke-hoach.pdf'] };
    expect(text(row('evidence', 'edit', item, edited))).toEqual([
      'Sửa tài liệu 12/KH-UBND',
      'Ngày ban hành: 05/01/2026 → (chưa có ngày)',
      'Loại văn bản: Kế hoạch → Quyết định',
      'Tệp: (không có) → “ke-hoach.pdf”',
    ]);
    expect(text(row('evidence', 'delete', { ...item, docNumber: '' }, null))).toEqual(['Xóa tài liệu “Kế hoạch CCHC năm 2026”']);
  });
  it('tells a file added or removed with its size', () => {
    expect(text(row('file', 'add', null, { fileName: 'ke-hoach.pdf', size: 1536, sha256: 'ab' }))).toEqual(['Thêm tệp “ke-hoach.pdf” (1,5 KB)']);
    expect(text(row('file', 'remove', { fileName: 'a.pdf', size: 10, sha256: 'ab' }, null))).toEqual(['Gỡ tệp “a.pdf” (10 B)']);
  });
  it('tells links with the criterion, also those of an answer to the council', () => {
    const link = { itemId: 4, docNumber: '12/KH-UBND', summary: 'x' };
    expect(text(row('link', 'link', null, link, '1.2'))).toEqual(['Liên kết tài liệu 12/KH-UBND với tiêu chí 1.2']);
    expect(text(row('link', 'unlink', link, null, '1.2'))).toEqual(['Bỏ liên kết tài liệu 12/KH-UBND khỏi tiêu chí 1.2']);
    expect(text(row('link', 'response-link', null, { round: 2, ...link }, '1.2'))).toEqual(['Gắn tài liệu 12/KH-UBND vào phần giải trình tiêu chí 1.2 (vòng thẩm định 2)']);
    expect(text(row('link', 'response-unlink', { round: 1, ...link }, null, '1.2'))).toEqual(['Bỏ tài liệu 12/KH-UBND khỏi phần giải trình tiêu chí 1.2 (vòng thẩm định 1)']);
  });
});

describe('report settings, statuses and imports in words', () => {
  it('tells report settings field by field', () => {
    const before = { docNumber: '', docSymbol: 'BC-SNV', reportDate: null, difficulties: '', recipients: ['- Như trên;'] };
    const after = { ...before, docNumber: '15', reportDate: '2026-12-10', recipients: ['- Như trên;', '- Lưu: VT, SNV.'] };
    expect(text(row('report', 'save', before, after))).toEqual(['Số văn bản: (trống) → 15', 'Ngày báo cáo: (trống) → 10/12/2026', 'Nơi nhận: - Như trên; → - Như trên;; - Lưu: VT, SNV.']);
  });
  it('tells each step of the cycle with what it brought', () => {
    expect(text(row('status', 'final', { status: 'draft' }, { status: 'final' }))).toEqual(['Trạng thái: Đang soạn → Đã khóa']);
    const submitted = { status: 'submitted', submissionId: 1, sentOn: '2027-01-10', docNumber: '15/BC-UBND', docDate: '2027-01-08', signedReport: 'ky-so.pdf', packageSha256: 'ab' };
    expect(text(row('status', 'submitted', { status: 'final' }, submitted))).toEqual([
      'Trạng thái: Đã khóa → Đã nộp',
      'Đã gửi ngày 10/01/2027, văn bản số 15/BC-UBND ngày 08/01/2027; báo cáo đã ký: “ky-so.pdf”',
    ]);
    expect(text(row('status', 'appraised', { status: 'appraised' }, { status: 'appraised', round: 2, fileName: 'vong-2.json' }))).toEqual(['Trạng thái: Đã thẩm định → Đã thẩm định', 'Vòng thẩm định 2, tệp “vong-2.json”']);
    const result = { finalScore: 85.5, indexPercent: 85.5, className: 'Tốt', rank: 4, rankOf: 21, publishedOn: '2027-03-01' };
    expect(text(row('status', 'closed', { status: 'appraised' }, { status: 'closed', result }))[1]).toBe('Kết quả công bố: 85,5 điểm, chỉ số 85,5%, xếp loại Tốt, hạng 4/21, công bố ngày 01/03/2027');
    expect(text(row('status', 'draft', { status: 'final' }, { status: 'draft' }))).toEqual(['Trạng thái: Đã khóa → Đang soạn']);
  });
  it('tells a correction of the published result and next year created from this one', () => {
    const result = { finalScore: 85.5, indexPercent: 85.5, className: 'Tốt', rank: 3, rankOf: null, publishedOn: null };
    expect(text(row('status', 'result', result, { ...result, rank: 4, publishedOn: '2027-03-02' }))).toEqual(['Thứ hạng: 3 → 4', 'Ngày công bố: (không ghi) → 02/03/2027']);
    expect(text(row('status', 'create', null, { fromAssessmentId: 1, fromYear: 2026, setHash: 'ab', corrections: { '1.1': null }, suggestions: 12 }))).toEqual([
      'Tạo kỳ đánh giá từ năm 2026, 1 chỗ ghép tiêu chí do cán bộ sửa; 12 gợi ý từ năm trước',
    ]);
  });
  it('tells an imported package and an imported appraisal', () => {
    expect(text(row('import', 'create', null, { createdAt: '2027-01-10T03:00:00.000Z', answers: 40, links: 12, status: 'final' }))).toEqual([
      'Nhập gói hồ sơ tạo ngày 10/01/2027: 40 câu trả lời, 12 liên kết tài liệu, trạng thái Đã khóa',
    ]);
    expect(text(row('import', 'overwrite', null, { createdAt: '2027-01-11T03:00:00.000Z', answers: 41, links: 0, status: 'draft' }))).toEqual([
      'Ghi đè bằng gói hồ sơ tạo ngày 11/01/2027: 41 câu trả lời, 0 liên kết tài liệu, trạng thái Đang soạn',
    ]);
    expect(text(row('import', 'appraisal', null, { round: 1, fileName: 'tham-dinh.json', scored: 40, survey: 9, requests: 2 }))).toEqual([
      'Nhập kết quả thẩm định vòng 1 từ tệp “tham-dinh.json”: 40 tiêu chí có điểm thẩm định, 9 điểm điều tra xã hội học, 2 đề nghị giải trình, bổ sung',
    ]);
  });
  it('tells what a later package added (rounds, answers, the published result) and an imported response package', () => {
    const result = { finalScore: 81.25, indexPercent: 81.25, className: 'Khá', rank: 7, rankOf: 21, publishedOn: '2027-03-15' };
    expect(text(row('import', 'package-parts', null, { createdAt: '2027-03-20T03:00:00.000Z', rounds: [1, 2], responses: 3, status: 'closed', result }))).toEqual([
      'Nhập từ gói hồ sơ tạo ngày 20/03/2027: kết quả thẩm định vòng 1, 2; 3 giải trình, trạng thái Đã có kết quả công bố',
      'Kết quả công bố: 81,25 điểm, chỉ số 81,25%, xếp loại Khá, hạng 7/21, công bố ngày 15/03/2027',
    ]);
    expect(text(row('import', 'package-parts', null, { createdAt: '2027-03-20T03:00:00.000Z', status: 'closed', result }))[0]).toBe(
      'Nhập từ gói hồ sơ tạo ngày 20/03/2027: kết quả công bố, trạng thái Đã có kết quả công bố',
    );
    // Rows written before 'package-parts' existed read the same way.
    expect(text(row('import', 'appraisal', null, { createdAt: '2027-03-20T03:00:00.000Z', rounds: [1], responses: 2, status: 'appraised' }))).toEqual([
      'Nhập từ gói hồ sơ tạo ngày 20/03/2027: kết quả thẩm định vòng 1; 2 giải trình, trạng thái Đã thẩm định',
    ]);
    expect(text(row('import', 'response', null, { round: 2, explanations: 3, items: 1, files: 2, links: 4 }))).toEqual([
      'Nhập gói giải trình vòng 2: 3 giải trình, 1 tài liệu mới (2 tệp), 4 tài liệu gắn vào câu trả lời',
    ]);
  });
});

describe('robustness and display', () => {
  it('shows a row of an unknown shape as its raw text, never throws', () => {
    expect(text(row('answer', 'save', [1, 2], 'x'))).toEqual(['Dữ liệu: [1,2] → "x"']);
    expect(text({ kind: 'status', action: 'final', code: null, before: '{bad', after: null })).toEqual(['Dữ liệu: {bad → (trống)']);
    expect(text(row('mystery', 'x', null, { a: 1 }))).toEqual(['Dữ liệu: (trống) → {"a":1}']);
  });
  it('joins parts one per line for the spreadsheet, shortens long texts for the screen', () => {
    expect(changeText([{ label: 'A', before: '1', after: '2' }, { label: 'Câu' }])).toBe('A: 1 → 2\nCâu');
    const long = `“${'Đã ban hành kế hoạch '.repeat(10)}”`;
    const short = shortenText(long, 30);
    expect([...short].length).toBeLessThanOrEqual(31);
    expect(short.endsWith('…”')).toBe(true);
    expect(shortenText('ngắn', 30)).toBe('ngắn');
  });
});
