/**
 * Rules about the numbers of points in a criteria set: every one is exact in thousandths,
 * a parent's maximum is the sum of its children's, the fields add up to totalMaxPoints, and
 * each item of a bonus/penalty part stays within the part's cap. All sums are integer
 * milli-points (points.ts), never sums of floats.
 */
import type { CriteriaSet, ScoringRule } from './criteria-set-schema';
import { walkSet } from './criteria-tree';
import { fromMilli, isMilliExact, toMilli } from './points';
import { formatNumberVi, type ReportIssue } from './validation-issue';

interface PointValue {
  path: string;
  value: number;
}

export function checkPoints(set: CriteriaSet, report: ReportIssue): void {
  checkMilliExactness(set, report);
  checkParentSums(set, report);
  checkTotalOfFields(set, report);
  checkAdjustmentCaps(set, report);
}

function checkMilliExactness(set: CriteriaSet, report: ReportIssue): void {
  for (const { path, value } of listPointValues(set)) {
    if (!isMilliExact(value)) {
      report(path, `Số điểm ${formatNumberVi(value)} có quá 3 chữ số thập phân: điểm chỉ được ghi tới phần nghìn (ví dụ 0,125).`);
    }
  }
}

/** Every number of points in the set with its JSON path, in document order. */
function listPointValues(set: CriteriaSet): PointValue[] {
  const values: PointValue[] = [{ path: 'totalMaxPoints', value: set.totalMaxPoints }];
  for (const visit of walkSet(set)) {
    values.push({ path: `${visit.jsonPath}.maxPoints`, value: visit.node.maxPoints });
    if (visit.node.rule) values.push(...pointValuesOfRule(visit.node.rule, `${visit.jsonPath}.rule`));
  }
  for (const part of ['bonus', 'penalty'] as const) {
    const content = set.adjustments?.[part];
    if (content) values.push({ path: `adjustments.${part}.maxPoints`, value: content.maxPoints });
  }
  return values;
}

function pointValuesOfRule(rule: ScoringRule, path: string): PointValue[] {
  switch (rule.kind) {
    case 'manual':
      return [{ path: `${path}.step`, value: rule.step }];
    case 'levels':
      return rule.levels.map((level, i) => ({ path: `${path}.levels[${i}].points`, value: level.points }));
    case 'rate':
      return (rule.tiers ?? []).map((tier, i) => ({ path: `${path}.tiers[${i}].points`, value: tier.points }));
    case 'deduction':
      return [
        { path: `${path}.perOccurrence`, value: rule.perOccurrence },
        { path: `${path}.minPoints`, value: rule.minPoints },
      ];
    default:
      return [];
  }
}

/** Milli-points of a value, or null when it is not exact (already reported). */
function milliOrNull(value: number): number | null {
  return isMilliExact(value) ? toMilli(value) : null;
}

/** Sum in milli-points, or null if any term is not exact. */
function sumMilli(values: readonly number[]): number | null {
  let sum = 0;
  for (const value of values) {
    const milli = milliOrNull(value);
    if (milli === null) return null;
    sum += milli;
  }
  return sum;
}

function formatMilli(milli: number): string {
  return formatNumberVi(fromMilli(milli));
}

function checkParentSums(set: CriteriaSet, report: ReportIssue): void {
  for (const visit of walkSet(set)) {
    const children = visit.node.children;
    if (visit.isLeaf || !children) continue;
    const own = milliOrNull(visit.node.maxPoints);
    const sum = sumMilli(children.map((child) => child.maxPoints));
    if (own === null || sum === null || own === sum) continue;
    report(
      `${visit.jsonPath}.maxPoints`,
      `Điểm tối đa của mục ${visit.node.code} là ${formatMilli(own)} nhưng tổng điểm tối đa của các mục con là ${formatMilli(sum)}.`,
    );
  }
}

function checkTotalOfFields(set: CriteriaSet, report: ReportIssue): void {
  const total = milliOrNull(set.totalMaxPoints);
  const sum = sumMilli(set.fields.map((field) => field.maxPoints));
  if (total === null || sum === null || total === sum) return;
  report(
    'totalMaxPoints',
    `Tổng điểm tối đa của bộ chỉ số là ${formatMilli(total)} nhưng tổng điểm tối đa của các lĩnh vực là ${formatMilli(sum)}.`,
  );
}

/** A part's maxPoints is a cap: its items may add up to more, but none may exceed it alone. */
function checkAdjustmentCaps(set: CriteriaSet, report: ReportIssue): void {
  for (const part of ['bonus', 'penalty'] as const) {
    const content = set.adjustments?.[part];
    if (!content) continue;
    content.children.forEach((child, i) => {
      if (child.maxPoints <= content.maxPoints) return;
      report(
        `adjustments.${part}.children[${i}].maxPoints`,
        `Điểm tối đa của mục ${child.code} (${formatNumberVi(child.maxPoints)}) vượt mức trần ` +
          `${formatNumberVi(content.maxPoints)} của phần ${content.code} "${content.title}".`,
      );
    });
  }
}
