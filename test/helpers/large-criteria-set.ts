/**
 * A valid criteria set of any size for benchmarks and tests: `fields` fields × `criteria` criteria
 * × `leaves` leaves of 1 point each, every rule kind in turn (rate tiers with the exactly-100 %
 * tier among them). 10 × 6 × 5 gives the 300 leaves of the figures.
 */
import type { CriteriaNode, CriteriaSet, ScoringRule } from '../../shared/domain/criteria-set-schema';

const RULES: ScoringRule[] = [
  { kind: 'yesNo' },
  { kind: 'manual', step: 0.25 },
  { kind: 'levels', levels: [{ id: 'dung-han', label: 'Đúng hạn', points: 1 }, { id: 'cham', label: 'Chậm', points: 0.5 }, { id: 'khong-ban-hanh', label: 'Không ban hành', points: 0 }] },
  {
    kind: 'rate',
    numeratorLabel: 'Số hồ sơ giải quyết đúng hạn',
    denominatorLabel: 'Tổng số hồ sơ đã giải quyết',
    mode: 'thresholds',
    tiers: [{ fromPercent: 0, toPercent: 80, points: 0 }, { fromPercent: 80, toPercent: 100, points: 0.5 }, { fromPercent: 100, toPercent: 100, points: 1 }],
    noCases: 'full',
  },
  { kind: 'rate', numeratorLabel: 'Số văn bản ký số', denominatorLabel: 'Tổng số văn bản đi', mode: 'proportional', noCases: 'zero' },
  { kind: 'deduction', occurrenceLabel: 'Số báo cáo gửi chậm', perOccurrence: 0.25, minPoints: 0 },
  { kind: 'survey' },
];

const TOPICS = ['kế hoạch', 'báo cáo', 'thủ tục hành chính', 'chuyển đổi số', 'công vụ', 'tài chính công', 'văn bản', 'kiểm tra', 'tuyên truyền', 'đào tạo'];

export function makeLargeSet(fields = 10, criteria = 6, leaves = 5, id = 'bo-chi-so-lon-2026'): CriteriaSet {
  let n = 0;
  const fieldNodes: CriteriaNode[] = [];
  for (let f = 1; f <= fields; f++) {
    const children: CriteriaNode[] = [];
    for (let c = 1; c <= criteria; c++) {
      const leafNodes: CriteriaNode[] = [];
      for (let l = 1; l <= leaves; l++) {
        const rule = RULES[n++ % RULES.length]!;
        leafNodes.push({
          code: `${f}.${c}.${l}`,
          title: `Thực hiện ${TOPICS[(f + c + l) % TOPICS.length]} nội dung ${f}.${c}.${l} về cải cách hành chính`,
          guidance: 'Chấm theo hướng dẫn của Sở Nội vụ.',
          evidenceHint: 'Văn bản, báo cáo có liên quan',
          maxPoints: 1,
          rule,
          ...(rule.kind === 'yesNo' ? { notApplicableAllowed: true } : {}),
        });
      }
      children.push({ code: `${f}.${c}`, title: `Tiêu chí ${f}.${c}: ${TOPICS[c % TOPICS.length]}`, maxPoints: leaves, children: leafNodes });
    }
    fieldNodes.push({ code: `${f}`, title: `Lĩnh vực ${f}: ${TOPICS[f % TOPICS.length]}`, maxPoints: criteria * leaves, children });
  }
  return {
    format: 'par-criteria-set/v1',
    id,
    title: `Bộ chỉ số thử nghiệm ${fields * criteria * leaves} tiêu chí`,
    level: 'department',
    year: 2026,
    issuer: 'Thử nghiệm hiệu năng',
    legalBasis: ['Quyết định số 1187/QĐ-BNV'],
    status: 'draft',
    rounding: { decimals: 2, mode: 'half-up' },
    classes: [{ name: 'Tốt', minPercent: 80 }, { name: 'Khá', minPercent: 50 }, { name: 'Yếu', minPercent: 0 }],
    totalMaxPoints: fields * criteria * leaves,
    fields: fieldNodes,
  };
}
