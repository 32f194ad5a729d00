/**
 * What a refused criteria-set file is, said first and in one sentence ("Tệp này là tệp điểm tự chấm,
 * không phải bộ chỉ số …"), and the JSON paths of its problems in Vietnamese words
 * ("Lĩnh vực 1 › Mục con 3 › Điểm tối đa" instead of "fields[0].children[2].maxPoints").
 */
import { CRITERIA_SET_FORMAT } from './criteria-set-schema';
import { ANSWERS_FILE_FORMAT } from './answers-file';

const EXPECTED = `cần tệp bộ chỉ số (.json, định dạng ${CRITERIA_SET_FORMAT}) do Sở Nội vụ ban hành`;

function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** One sentence: what the file is, and what was expected. */
export function wrongFileSentence(text: string, issueCount: number): string {
  const p = parsed(text);
  if (!p.ok) return `Tệp này không phải tệp JSON đọc được; ${EXPECTED}.`;
  const v = p.value;
  if (Array.isArray(v)) return `Tệp này chứa một danh sách JSON, không phải bộ chỉ số; ${EXPECTED}.`;
  if (typeof v !== 'object' || v === null) return `Tệp này chỉ chứa một giá trị JSON đơn lẻ, không phải bộ chỉ số; ${EXPECTED}.`;
  const format = (v as Record<string, unknown>).format;
  if (format === CRITERIA_SET_FORMAT) return `Tệp này là bộ chỉ số nhưng có ${issueCount} lỗi cần sửa, liệt kê dưới đây.`;
  if (format === ANSWERS_FILE_FORMAT) return `Tệp này là tệp điểm tự chấm (${ANSWERS_FILE_FORMAT}), không phải bộ chỉ số; ${EXPECTED}.`;
  if (typeof format === 'string' && format.startsWith('par-package')) return `Tệp này là gói hồ sơ tự đánh giá, không phải bộ chỉ số; ${EXPECTED}.`;
  if (typeof format === 'string') return `Tệp này có định dạng “${format}”, không phải bộ chỉ số; ${EXPECTED}.`;
  return `Tệp này là tệp JSON nhưng không phải bộ chỉ số (không có dòng "format": "${CRITERIA_SET_FORMAT}"); ${EXPECTED}.`;
}

const LABELS: Record<string, string> = {
  format: 'Định dạng',
  id: 'Mã bộ chỉ số',
  title: 'Tên',
  level: 'Cấp',
  year: 'Năm',
  issuer: 'Cơ quan ban hành',
  legalBasis: 'Căn cứ pháp lý',
  status: 'Trạng thái',
  rounding: 'Cách làm tròn',
  decimals: 'Số chữ số thập phân',
  mode: 'Cách tính',
  classes: 'Xếp loại',
  name: 'Tên xếp loại',
  minPercent: 'Tỷ lệ tối thiểu',
  totalMaxPoints: 'Tổng điểm tối đa',
  fields: 'Lĩnh vực',
  children: 'Mục con',
  code: 'Mã',
  maxPoints: 'Điểm tối đa',
  rule: 'Cách tính điểm',
  kind: 'Loại cách tính',
  guidance: 'Hướng dẫn chấm',
  evidenceHint: 'Tài liệu kiểm chứng gợi ý',
  notApplicableAllowed: 'Cho phép không áp dụng',
  adjustments: 'Điểm thưởng, điểm trừ',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
  countInPercent: 'Tính vào tỷ lệ',
  step: 'Bước điểm',
  levels: 'Các mức',
  label: 'Nhãn',
  points: 'Điểm',
  numeratorLabel: 'Nhãn số thứ nhất',
  denominatorLabel: 'Nhãn số thứ hai',
  noCases: 'Khi không phát sinh',
  tiers: 'Ngưỡng',
  fromPercent: 'Từ tỷ lệ (%)',
  toPercent: 'Đến tỷ lệ (%)',
  perOccurrence: 'Điểm trừ mỗi lần',
  occurrenceLabel: 'Nhãn số lần',
  minPoints: 'Điểm thấp nhất',
};

/** "fields[0].children[2].maxPoints" → "Lĩnh vực 1 › Mục con 3 › Điểm tối đa"; a key the format does
 *  not know stays quoted, as written in the file. */
export function vietnamesePath(path: string): string {
  if (path === '') return '';
  const parts: string[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) {
      const last = parts.pop() ?? 'Phần tử';
      parts.push(`${last} ${Number(m[2]) + 1}`);
    } else {
      const key = m[1]!;
      parts.push(LABELS[key] ?? `“${key}”`);
    }
  }
  return parts.join(' › ');
}

/** The unknown-key message of the schema, in the file's own terms. */
export function vietnameseIssueMessage(message: string): string {
  const unknown = /^Khóa không được phép: "(.*)"\.$/.exec(message);
  return unknown ? `Trường “${unknown[1]}” không có trong định dạng bộ chỉ số.` : message;
}
