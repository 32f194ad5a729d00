/**
 * Checking an appraisal file against the criteria set it names (pure: no store, no assessment):
 * every code is a scoring criterion of the set, none appears twice, points stay within the
 * criterion's range, survey points only for survey criteria (and those only there), a rule input
 * scores under the criterion's rule. Returns the appraised points per code in milli-points, or the
 * problems in Vietnamese, each with where it is in the file.
 */
import type { CriteriaNode, CriteriaSet } from '../criteria-set-schema';
import { leavesOf } from '../criteria-tree';
import { formatDecimalVi } from '../../format/numbers';
import { evaluateLeaf, setMilli } from '../scoring-leaf';
import { toMilli } from '../points';
import type { AppraisalFile, AppraisalRequestKind } from './appraisal-schema';

/** One criterion of a round as the app keeps it. `pointsMilli` null: the council kept the self score. */
export interface AppraisedEntry {
  code: string;
  pointsMilli: number | null;
  /** The rule input the council used (kept as JSON text), when it gave one. */
  inputJson: string | null;
  comment: string;
  request: AppraisalRequestKind;
  deadline: string | null;
  survey: boolean;
}

export interface AppraisalProblem {
  /** Where in the file: `criteria[3].points`, `survey[0].code`, … */
  path: string;
  message: string;
}

export type AppraisalCheck = { ok: true; entries: AppraisedEntry[] } | { ok: false; problems: AppraisalProblem[] };

/** The lowest points a criterion can have: 0, or a deduction's floor below zero. */
export function minMilliOf(leaf: CriteriaNode): number {
  return leaf.rule?.kind === 'deduction' ? Math.min(0, setMilli(leaf.rule.minPoints)) : 0;
}

const pts = (milli: number): string => formatDecimalVi(milli / 1000);

export function checkAppraisal(set: CriteriaSet, file: AppraisalFile): AppraisalCheck {
  const leaves = new Map(leavesOf(set).map((v) => [v.node.code, v.node]));
  const seen = new Map<string, string>();
  const problems: AppraisalProblem[] = [];
  const entries: AppraisedEntry[] = [];
  const claim = (code: string, path: string): CriteriaNode | undefined => {
    const leaf = leaves.get(code);
    if (!leaf) {
      problems.push({ path, message: `Mã tiêu chí ${code} không có trong bộ chỉ số của kỳ đánh giá (hoặc là nhóm, không phải tiêu chí chấm điểm).` });
      return undefined;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      problems.push({ path, message: `Mã tiêu chí ${code} xuất hiện hai lần (đã có ở ${first}).` });
      return undefined;
    }
    seen.set(code, path);
    return leaf;
  };
  const inRange = (leaf: CriteriaNode, milli: number, path: string): boolean => {
    const max = setMilli(leaf.maxPoints);
    const min = minMilliOf(leaf);
    if (milli > max) problems.push({ path, message: `Tiêu chí ${leaf.code}: điểm ${pts(milli)} vượt điểm tối đa ${pts(max)}.` });
    else if (milli < min) problems.push({ path, message: `Tiêu chí ${leaf.code}: điểm ${pts(milli)} thấp hơn mức thấp nhất ${pts(min)}.` });
    else return true;
    return false;
  };

  file.criteria.forEach((c, i) => {
    const path = `criteria[${i}]`;
    const leaf = claim(c.code, `${path}.code`);
    if (!leaf) return;
    const survey = leaf.rule?.kind === 'survey';
    if (survey && (c.points !== undefined || c.input !== undefined)) {
      problems.push({ path: `${path}.points`, message: `Tiêu chí ${c.code} chấm qua điều tra xã hội học: ghi điểm ở phần "survey".` });
      return;
    }
    let pointsMilli: number | null = null;
    if (c.points !== undefined) {
      pointsMilli = toMilli(c.points);
      if (!inRange(leaf, pointsMilli, `${path}.points`)) return;
    } else if (c.input !== undefined) {
      const result = evaluateLeaf(set, leaf, { input: c.input, notApplicable: false, explanation: '' });
      if (result.state !== 'answered' || result.pointsMilli === null) {
        problems.push({ path: `${path}.input`, message: `Tiêu chí ${c.code}: ${result.error ?? 'số liệu không chấm được theo cách chấm của tiêu chí'}.` });
        return;
      }
      pointsMilli = result.pointsMilli;
    }
    const inputJson = c.input === undefined ? null : JSON.stringify(c.input);
    entries.push({ code: c.code, pointsMilli, inputJson, comment: c.comment.trim(), request: c.request, deadline: c.request === 'none' ? null : c.deadline, survey });
  });

  file.survey.forEach((s, i) => {
    const path = `survey[${i}]`;
    const leaf = claim(s.code, `${path}.code`);
    if (!leaf) return;
    if (leaf.rule?.kind !== 'survey') {
      problems.push({ path: `${path}.code`, message: `Tiêu chí ${s.code} không chấm qua điều tra xã hội học: ghi điểm ở phần "criteria".` });
      return;
    }
    const milli = toMilli(s.points);
    if (!inRange(leaf, milli, `${path}.points`)) return;
    entries.push({ code: s.code, pointsMilli: milli, inputJson: null, comment: '', request: 'none', deadline: null, survey: true });
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
