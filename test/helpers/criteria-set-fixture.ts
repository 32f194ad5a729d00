/**
 * A small but realistic criteria set for tests: 2 fields (20 points), every rule kind, every
 * `noCases` policy, a 4th-level node, notApplicableAllowed on some leaves, and bonus/penalty
 * parts whose items add up to more than their caps. It passes validateCriteriaSet; every call
 * returns a fresh object, so a test may change it freely.
 *
 * Leaves (code — rule — max):
 *   1.1.1 levels 1 · 1.1.2 rate thresholds (noCases zero) 1 · 1.1.3 yesNo 1
 *   1.2.1 deduction 0.25/lần, min 0 — 1 · 1.2.2 deduction 0.5/lần, min −0.25 — 1
 *   1.3.1 rate proportional (noCases notApplicable, N/A allowed) 1
 *   1.3.2 rate thresholds (noCases full) 1 · 1.3.3 manual step 0.25 — 1
 *   2.1.1 rate proportional (noCases full) 2 · 2.1.2.1 yesNo 1 · 2.1.2.2 yesNo 1 (N/A allowed)
 *   2.2.1 rate thresholds (noCases notApplicable, N/A allowed) 2 · 2.2.2 rate proportional (noCases zero) 2
 *   2.3.1 survey 2.5 · 2.3.2 survey 1.5
 *   9.1 bonus cap 2: 9.1.1 yesNo 1.5 · 9.1.2 manual step 0.5 — 1
 *   9.2 penalty cap 2: 9.2.1 manual step 0.5 — 1 · 9.2.2 yesNo 1.5
 */
import type { CriteriaNode, CriteriaSet, ScoringRule } from '../../shared/domain/criteria-set-schema';
import { findNode } from '../../shared/domain/criteria-tree';

type Extra = Partial<Pick<CriteriaNode, 'guidance' | 'evidenceHint' | 'notApplicableAllowed'>>;

function leaf(code: string, title: string, maxPoints: number, rule: ScoringRule, extra: Extra = {}): CriteriaNode {
  return { code, title, ...extra, maxPoints, rule };
}

function group(code: string, title: string, maxPoints: number, children: CriteriaNode[]): CriteriaNode {
  return { code, title, maxPoints, children };
}

function fieldDirection(): CriteriaNode {
  return group('1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 8, [
    group('1.1', 'Kế hoạch cải cách hành chính năm', 3, [
      leaf('1.1.1', 'Ban hành Kế hoạch cải cách hành chính năm của cơ quan', 1, {
        kind: 'levels',
        levels: [
          { id: 'dung-han', label: 'Ban hành đúng hạn', points: 1 },
          { id: 'cham', label: 'Ban hành chậm so với thời hạn', points: 0.5 },
          { id: 'khong', label: 'Không ban hành', points: 0 },
        ],
      }, { evidenceHint: 'Kế hoạch CCHC năm (số, ký hiệu, ngày ban hành)' }),
      leaf('1.1.2', 'Mức độ hoàn thành Kế hoạch cải cách hành chính năm', 1, {
        kind: 'rate',
        numeratorLabel: 'Số nhiệm vụ trong Kế hoạch đã hoàn thành',
        denominatorLabel: 'Tổng số nhiệm vụ trong Kế hoạch',
        mode: 'thresholds',
        tiers: [
          { fromPercent: 0, toPercent: 70, points: 0 },
          { fromPercent: 70, toPercent: 90, points: 0.5 },
          { fromPercent: 90, toPercent: 100, points: 1 },
        ],
        noCases: 'zero',
      }, { guidance: 'Từ 90% trở lên: 1 điểm; từ 70% đến dưới 90%: 0,5 điểm; dưới 70%: 0 điểm.' }),
      leaf('1.1.3', 'Bố trí kinh phí thực hiện Kế hoạch cải cách hành chính', 1, { kind: 'yesNo' }),
    ]),
    group('1.2', 'Báo cáo cải cách hành chính', 2, [
      leaf('1.2.1', 'Thực hiện chế độ báo cáo cải cách hành chính định kỳ', 1, {
        kind: 'deduction',
        occurrenceLabel: 'Số báo cáo gửi chậm hoặc thiếu nội dung',
        perOccurrence: 0.25,
        minPoints: 0,
      }),
      leaf('1.2.2', 'Thực hiện báo cáo chuyên đề theo yêu cầu của Sở Nội vụ', 1, {
        kind: 'deduction',
        occurrenceLabel: 'Số báo cáo chuyên đề không thực hiện',
        perOccurrence: 0.5,
        minPoints: -0.25,
      }, { guidance: 'Mỗi báo cáo không thực hiện trừ 0,5 điểm; không thực hiện báo cáo nào: 0 điểm và trừ 0,25.' }),
    ]),
    group('1.3', 'Kiểm tra công tác cải cách hành chính', 3, [
      leaf('1.3.1', 'Tỷ lệ đơn vị trực thuộc được kiểm tra công tác cải cách hành chính', 1, {
        kind: 'rate',
        numeratorLabel: 'Số đơn vị trực thuộc được kiểm tra',
        denominatorLabel: 'Tổng số đơn vị trực thuộc',
        mode: 'proportional',
        noCases: 'notApplicable',
      }, { notApplicableAllowed: true }),
      leaf('1.3.2', 'Xử lý các vấn đề phát hiện qua kiểm tra', 1, {
        kind: 'rate',
        numeratorLabel: 'Số vấn đề đã xử lý xong',
        denominatorLabel: 'Số vấn đề phát hiện qua kiểm tra',
        mode: 'thresholds',
        tiers: [
          { fromPercent: 0, toPercent: 50, points: 0 },
          { fromPercent: 50, toPercent: 80, points: 0.5 },
          { fromPercent: 80, toPercent: 100, points: 1 },
        ],
        noCases: 'full',
      }),
      leaf('1.3.3', 'Công tác thông tin, tuyên truyền cải cách hành chính', 1, { kind: 'manual', step: 0.25 }),
    ]),
  ]);
}

function fieldProcedures(): CriteriaNode {
  return group('2', 'Cải cách thủ tục hành chính', 12, [
    group('2.1', 'Công khai thủ tục hành chính', 4, [
      leaf('2.1.1', 'Tỷ lệ thủ tục hành chính được công khai đầy đủ trên Cổng Dịch vụ công', 2, {
        kind: 'rate',
        numeratorLabel: 'Số TTHC công khai đầy đủ, đúng hạn',
        denominatorLabel: 'Tổng số TTHC thuộc thẩm quyền',
        mode: 'proportional',
        noCases: 'full',
      }),
      group('2.1.2', 'Công khai tại Bộ phận Một cửa', 2, [
        leaf('2.1.2.1', 'Niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa', 1, { kind: 'yesNo' }),
        leaf('2.1.2.2', 'Công khai địa chỉ tiếp nhận phản ánh, kiến nghị', 1, { kind: 'yesNo' }, { notApplicableAllowed: true }),
      ]),
    ]),
    group('2.2', 'Kết quả giải quyết thủ tục hành chính', 4, [
      leaf('2.2.1', 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn', 2, {
        kind: 'rate',
        numeratorLabel: 'Số hồ sơ giải quyết đúng hạn',
        denominatorLabel: 'Tổng số hồ sơ đã giải quyết',
        mode: 'thresholds',
        tiers: [
          { fromPercent: 0, toPercent: 90, points: 0 },
          { fromPercent: 90, toPercent: 98, points: 1 },
          { fromPercent: 98, toPercent: 100, points: 2 },
        ],
        noCases: 'notApplicable',
      }, { notApplicableAllowed: true }),
      leaf('2.2.2', 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến', 2, {
        kind: 'rate',
        numeratorLabel: 'Số hồ sơ tiếp nhận trực tuyến',
        denominatorLabel: 'Tổng số hồ sơ tiếp nhận',
        mode: 'proportional',
        noCases: 'zero',
      }),
    ]),
    group('2.3', 'Sự hài lòng của người dân, tổ chức', 4, [
      leaf('2.3.1', 'Mức độ hài lòng về giải quyết thủ tục hành chính', 2.5, { kind: 'survey' }),
      leaf('2.3.2', 'Mức độ hài lòng về tiếp nhận, xử lý phản ánh, kiến nghị', 1.5, { kind: 'survey' }),
    ]),
  ]);
}

function adjustments(): NonNullable<CriteriaSet['adjustments']> {
  return {
    code: '9',
    title: 'Điểm thưởng, điểm trừ',
    bonus: {
      code: '9.1',
      title: 'Điểm thưởng',
      maxPoints: 2,
      children: [
        leaf('9.1.1', 'Có sáng kiến cải cách hành chính được cấp có thẩm quyền công nhận', 1.5, { kind: 'yesNo' }),
        leaf('9.1.2', 'Mô hình, cách làm hay về cải cách hành chính được nhân rộng', 1, { kind: 'manual', step: 0.5 }),
      ],
    },
    penalty: {
      code: '9.2',
      title: 'Điểm trừ',
      maxPoints: 2,
      children: [
        leaf('9.2.1', 'Văn bản do cơ quan tham mưu bị hủy bỏ, bãi bỏ do trái pháp luật', 1, { kind: 'manual', step: 0.5 }),
        leaf('9.2.2', 'Để xảy ra vụ việc nhũng nhiễu trong giải quyết thủ tục hành chính', 1.5, { kind: 'yesNo' }),
      ],
    },
    countInPercent: true,
  };
}

export function makeMinimalSet(): CriteriaSet {
  return {
    format: 'par-criteria-set/v1',
    id: 'kiem-thu-so-nganh-2026',
    title: 'Bộ chỉ số kiểm thử – Chỉ số cải cách hành chính của sở, ban, ngành năm 2026',
    level: 'department',
    year: 2026,
    issuer: 'Dữ liệu kiểm thử (không phải văn bản chính thức)',
    legalBasis: ['Quyết định số 1187/QĐ-BNV ngày 15/10/2025 của Bộ Nội vụ về phương pháp xác định Chỉ số cải cách hành chính'],
    status: 'sample',
    rounding: { decimals: 2, mode: 'half-up' },
    classes: [
      { name: 'Xuất sắc', minPercent: 90 },
      { name: 'Tốt', minPercent: 80 },
      { name: 'Khá', minPercent: 70 },
      { name: 'Trung bình', minPercent: 50 },
      { name: 'Yếu', minPercent: 0 },
    ],
    totalMaxPoints: 20,
    fields: [fieldDirection(), fieldProcedures()],
    adjustments: adjustments(),
  };
}

/** The node with this code (a live reference: changing it changes the set). */
export function nodeAt(set: CriteriaSet, code: string): CriteriaNode {
  const visit = findNode(set, code);
  if (!visit) throw new Error(`the set has no node ${code}`);
  return visit.node;
}

/** The rule of the leaf with this code, checked to be of the given kind (a live reference). */
export function ruleAt<K extends ScoringRule['kind']>(set: CriteriaSet, code: string, kind: K): Extract<ScoringRule, { kind: K }> {
  const rule = nodeAt(set, code).rule;
  if (rule?.kind !== kind) throw new Error(`node ${code} has no ${kind} rule`);
  return rule as Extract<ScoringRule, { kind: K }>;
}
