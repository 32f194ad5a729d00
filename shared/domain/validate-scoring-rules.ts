/**
 * Rules that tie each leaf's scoring rule to its maximum: manual steps divide the maximum,
 * levels reach it, rate tiers cover 0–100 % without gaps or overlaps, deductions fit, and
 * survey-scored criteria cannot be marked "không áp dụng". Runs after the schema passed.
 */
import { isExactHundredTier, type CriteriaNode, type CriteriaSet, type ScoringRule } from './criteria-set-schema';
import { walkSet } from './criteria-tree';
import { divides, isMilliExact, toMilli } from './points';
import { formatNumberVi, type ReportIssue } from './validation-issue';

type RuleOf<K extends ScoringRule['kind']> = Extract<ScoringRule, { kind: K }>;
type Tier = NonNullable<RuleOf<'rate'>['tiers']>[number];


/** What every rule check gets: the leaf, where its rule sits, and where to report. */
interface LeafRuleContext {
  node: CriteriaNode;
  /** JSON path of the rule, e.g. `fields[0].children[1].rule`. */
  rulePath: string;
  report: ReportIssue;
}

export function checkScoringRules(set: CriteriaSet, report: ReportIssue): void {
  for (const visit of walkSet(set)) {
    const rule = visit.node.rule;
    if (!visit.isLeaf || !rule) continue;
    const context: LeafRuleContext = { node: visit.node, rulePath: `${visit.jsonPath}.rule`, report };
    checkRule(rule, context);
    if (rule.kind === 'survey' && visit.node.notApplicableAllowed === true) {
      report(
        `${visit.jsonPath}.notApplicableAllowed`,
        `Mục ${visit.node.code} do điều tra xã hội học chấm điểm: cơ quan không tự chấm mục này nên không thể đánh dấu "không áp dụng".`,
      );
    }
  }
}

function checkRule(rule: ScoringRule, context: LeafRuleContext): void {
  switch (rule.kind) {
    case 'manual':
      return checkManualRule(rule, context);
    case 'levels':
      return checkLevelsRule(rule, context);
    case 'rate':
      return checkRateRule(rule, context);
    case 'deduction':
      return checkDeductionRule(rule, context);
    default:
      return;
  }
}

function pointsText(value: number): string {
  return formatNumberVi(value);
}

function checkManualRule(rule: RuleOf<'manual'>, { node, rulePath, report }: LeafRuleContext): void {
  if (rule.step > node.maxPoints) {
    report(`${rulePath}.step`, `Bước chấm ${pointsText(rule.step)} lớn hơn điểm tối đa ${pointsText(node.maxPoints)} của mục ${node.code}.`);
    return;
  }
  if (!isMilliExact(rule.step) || !isMilliExact(node.maxPoints)) return;
  if (!divides(toMilli(rule.step), toMilli(node.maxPoints))) {
    report(
      `${rulePath}.step`,
      `Bước chấm ${pointsText(rule.step)} không chia hết điểm tối đa ${pointsText(node.maxPoints)} của mục ${node.code}: ` +
        'chấm theo bước này không bao giờ đạt đúng điểm tối đa.',
    );
  }
}

function checkLevelsRule(rule: RuleOf<'levels'>, { node, rulePath, report }: LeafRuleContext): void {
  const seenIds = new Set<string>();
  rule.levels.forEach((level, i) => {
    if (seenIds.has(level.id)) report(`${rulePath}.levels[${i}].id`, `Mã mức "${level.id}" bị trùng trong mục ${node.code}.`);
    seenIds.add(level.id);
    if (level.points > node.maxPoints) {
      report(
        `${rulePath}.levels[${i}].points`,
        `Mức "${level.label}" cho ${pointsText(level.points)} điểm, vượt điểm tối đa ${pointsText(node.maxPoints)} của mục ${node.code}.`,
      );
    }
  });
  if (!rule.levels.some((level) => level.points === node.maxPoints)) {
    report(`${rulePath}.levels`, `Không có mức nào cho đủ điểm tối đa ${pointsText(node.maxPoints)} của mục ${node.code}.`);
  }
}

function checkRateRule(rule: RuleOf<'rate'>, context: LeafRuleContext): void {
  const tiersPath = `${context.rulePath}.tiers`;
  if (rule.mode === 'proportional') {
    if (rule.tiers) {
      context.report(tiersPath, 'Cách tính tỷ lệ thuận (mode "proportional") không dùng mức (tiers): hãy xóa "tiers" hoặc đổi mode thành "thresholds".');
    }
    return;
  }
  if (!rule.tiers) {
    context.report(tiersPath, 'Cách tính theo ngưỡng (mode "thresholds") cần danh sách mức "tiers".');
    return;
  }
  checkTiers(rule.tiers, tiersPath, context);
}

function percentText(value: number): string {
  return `${formatNumberVi(value)}%`;
}

function checkTiers(tiers: readonly Tier[], tiersPath: string, { node, report }: LeafRuleContext): void {
  tiers.forEach((tier, i) => {
    if (isExactHundredTier(tier)) {
      if (i !== tiers.length - 1) {
        report(`${tiersPath}[${i}]`, `Mức ${i + 1} là mức "đúng 100%" (từ 100% đến 100%) nên phải là mức cuối cùng.`);
      }
    } else if (tier.fromPercent >= tier.toPercent) {
      report(`${tiersPath}[${i}].toPercent`, `Mức ${i + 1}: "toPercent" (${percentText(tier.toPercent)}) phải lớn hơn "fromPercent" (${percentText(tier.fromPercent)}).`);
    }
    if (tier.points > node.maxPoints) {
      report(`${tiersPath}[${i}].points`, `Mức ${i + 1} cho ${pointsText(tier.points)} điểm, vượt điểm tối đa ${pointsText(node.maxPoints)} của mục ${node.code}.`);
    }
  });
  if (!isAscendingByStart(tiers)) {
    report(tiersPath, 'Các mức phải xếp theo tỷ lệ tăng dần ("fromPercent" tăng dần).');
    return;
  }
  checkTierCoverage(tiers, tiersPath, report);
}

function isAscendingByStart(tiers: readonly Tier[]): boolean {
  return tiers.every((tier, i) => i === 0 || tier.fromPercent >= tiers[i - 1]!.fromPercent);
}

/** The tiers must cover 0 % to 100 %: each one starts where the one before ends. */
function checkTierCoverage(tiers: readonly Tier[], tiersPath: string, report: ReportIssue): void {
  const first = tiers[0]!;
  const last = tiers[tiers.length - 1]!;
  if (first.fromPercent !== 0) {
    report(`${tiersPath}[0].fromPercent`, `Mức đầu tiên phải bắt đầu từ 0% (hiện là ${percentText(first.fromPercent)}).`);
  }
  for (let i = 1; i < tiers.length; i++) {
    const previousEnd = tiers[i - 1]!.toPercent;
    const start = tiers[i]!.fromPercent;
    if (previousEnd > start) {
      report(`${tiersPath}[${i}].fromPercent`, `Các mức chồng lấn: mức ${i} kết thúc ở ${percentText(previousEnd)} nhưng mức ${i + 1} bắt đầu từ ${percentText(start)}.`);
    } else if (previousEnd < start) {
      report(`${tiersPath}[${i}].fromPercent`, `Các mức có khoảng trống: tỷ lệ từ ${percentText(previousEnd)} đến ${percentText(start)} không thuộc mức nào.`);
    }
  }
  if (last.toPercent !== 100) {
    report(`${tiersPath}[${tiers.length - 1}].toPercent`, `Mức cuối phải kết thúc ở 100% (hiện là ${percentText(last.toPercent)}).`);
  }
}

function checkDeductionRule(rule: RuleOf<'deduction'>, { node, rulePath, report }: LeafRuleContext): void {
  if (rule.perOccurrence > node.maxPoints) {
    report(
      `${rulePath}.perOccurrence`,
      `Số điểm trừ mỗi lần (${pointsText(rule.perOccurrence)}) lớn hơn điểm tối đa ${pointsText(node.maxPoints)} của mục ${node.code}.`,
    );
  }
}
