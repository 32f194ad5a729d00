/** Status changes in words (history rows of kind 'status'): the move with what it brought — the
 *  submission's number and dates, the appraisal round, the published result — a correction of the
 *  published result, and the creation of next year's assessment from this year. */
import { ASSESSMENT_STATUSES, STATUS_NAME_VI, type AssessmentStatus } from './assessment-status';
import { dateVi, diffFields, isRecord, num, quote, str, type ChangePart, type Field, type Rec } from './history-prose-parts';

const EMPTY_STATUS = '(chưa có)';
const statusName = (v: unknown): string => (ASSESSMENT_STATUSES.includes(v as AssessmentStatus) ? STATUS_NAME_VI[v as AssessmentStatus] : str(v));

const RESULT_FIELDS: Field[] = [
  ['finalScore', 'Điểm cuối cùng', num],
  ['indexPercent', 'Chỉ số (%)', num],
  ['className', 'Xếp loại', str],
  ['rank', 'Thứ hạng', num],
  ['rankOf', 'Trên tổng số', num],
  ['publishedOn', 'Ngày công bố', (v) => (v === null || v === undefined ? '(không ghi)' : dateVi(v))],
];

export function resultSentence(r: Rec): string {
  const rank = r.rankOf === null || r.rankOf === undefined ? num(r.rank) : `${num(r.rank)}/${num(r.rankOf)}`;
  const on = typeof r.publishedOn === 'string' ? `, công bố ngày ${dateVi(r.publishedOn)}` : '';
  return `Kết quả công bố: ${num(r.finalScore)} điểm, chỉ số ${num(r.indexPercent)}%, xếp loại ${str(r.className)}, hạng ${rank}${on}`;
}

/** What a step brought, beside the move itself. */
function stepDetails(to: string, after: Rec): ChangePart[] {
  if (to === 'submitted' && typeof after.sentOn === 'string') {
    const signed = typeof after.signedReport === 'string' ? `; báo cáo đã ký: ${quote(after.signedReport)}` : '';
    return [{ label: `Đã gửi ngày ${dateVi(after.sentOn)}, văn bản số ${str(after.docNumber)} ngày ${dateVi(after.docDate)}${signed}` }];
  }
  if (to === 'appraised' && after.round !== undefined) {
    const file = typeof after.fileName === 'string' ? `, tệp ${quote(after.fileName)}` : '';
    return [{ label: `Vòng thẩm định ${num(after.round)}${file}` }];
  }
  if (to === 'closed' && isRecord(after.result)) return [{ label: resultSentence(after.result) }];
  return [];
}

export function describeLifecycle(action: string, before: Rec | null, after: Rec | null): ChangePart[] | null {
  if (action === 'result' && after) return diffFields(RESULT_FIELDS, before ?? {}, after);
  if (action === 'create' && after) {
    const corrections = isRecord(after.corrections) ? Object.keys(after.corrections).length : 0;
    const fixed = corrections > 0 ? `, ${num(corrections)} chỗ ghép tiêu chí do cán bộ sửa` : '';
    return [{ label: `Tạo kỳ đánh giá từ năm ${num(after.fromYear)}${fixed}; ${num(after.suggestions)} gợi ý từ năm trước` }];
  }
  if (!after || !('status' in after)) return null;
  return [{ label: 'Trạng thái', before: before ? statusName(before.status) : EMPTY_STATUS, after: statusName(after.status) }, ...stepDetails(action, after)];
}
