/** Short Vietnamese descriptions of how a leaf is scored, for the scoring screen and the report. */
import { isExactHundredTier, type CriteriaNode, type RateTier, type ScoringRule } from './criteria-set-schema';
import { formatDecimalVi } from '../format/numbers';

type RuleOf<K extends ScoringRule['kind']> = Extract<ScoringRule, { kind: K }>;

const pts = (value: number): string => `${formatDecimalVi(value)} điểm`;
const pct = (value: number): string => `${formatDecimalVi(value)}%`;

const NO_CASES_VI: Record<RuleOf<'rate'>['noCases'], string> = {
  full: 'không phát sinh trường hợp nào: đạt điểm tối đa',
  zero: 'không phát sinh trường hợp nào: 0 điểm',
  notApplicable: 'không phát sinh trường hợp nào: không áp dụng',
};

function tierText(tier: NonNullable<RuleOf<'rate'>['tiers']>[number], index: number, tiers: readonly RateTier[]): string {
  if (isExactHundredTier(tier)) return `đạt đúng ${pct(100)}: ${pts(tier.points)}`;
  const endsBelowHundred = index < tiers.length - 1 && tier.toPercent >= 100;
  if (endsBelowHundred) return `từ ${pct(tier.fromPercent)} đến dưới ${pct(100)}: ${pts(tier.points)}`;
  const upper = tier.toPercent >= 100 ? `đến ${pct(100)}` : `đến dưới ${pct(tier.toPercent)}`;
  return `từ ${pct(tier.fromPercent)} ${upper}: ${pts(tier.points)}`;
}

function rateSummary(rule: RuleOf<'rate'>, max: number): string {
  const ratio = `tỷ lệ ${rule.numeratorLabel} / ${rule.denominatorLabel}`;
  const how =
    rule.mode === 'proportional'
      ? `Điểm = ${ratio} × ${pts(max)}`
      : `Chấm theo ${ratio}: ${(rule.tiers ?? []).map(tierText).join('; ')}`;
  return `${how}; ${NO_CASES_VI[rule.noCases]}`;
}

function deductionSummary(rule: RuleOf<'deduction'>, max: number): string {
  return `Tối đa ${pts(max)}, trừ ${pts(rule.perOccurrence)} cho mỗi trường hợp (${rule.occurrenceLabel}); thấp nhất ${pts(rule.minPoints)}`;
}

function ruleSummary(rule: ScoringRule, max: number): string {
  switch (rule.kind) {
    case 'manual':
      return `Tự chấm từ 0 đến ${pts(max)}, bước ${formatDecimalVi(rule.step)}`;
    case 'yesNo':
      return `Đạt: ${pts(max)}; không đạt: 0 điểm`;
    case 'levels':
      return `Chọn một trong ${rule.levels.length} mức: ${rule.levels.map((l) => formatDecimalVi(l.points)).join(' / ')} điểm`;
    case 'rate':
      return rateSummary(rule, max);
    case 'deduction':
      return deductionSummary(rule, max);
    case 'survey':
      return 'Chấm qua điều tra xã hội học, cơ quan không tự chấm';
  }
}

/** E.g. "Tự chấm từ 0 đến 2 điểm, bước 0,25" (plus a note when the leaf may be marked N/A). */
export function leafRuleSummaryVi(leaf: CriteriaNode): string {
  if (!leaf.rule) return 'Chưa có cách chấm điểm';
  const text = ruleSummary(leaf.rule, leaf.maxPoints);
  return leaf.notApplicableAllowed ? `${text}; có thể đánh dấu không áp dụng` : text;
}
