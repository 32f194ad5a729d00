/** Valid answers for every leaf of a set, varied by a seed, for benchmarks and tests that need a
 *  fully answered assessment. */
import type { AnswerInput, RuleInput } from '../../shared/domain/answer';
import type { CriteriaNode, CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { toMilli } from '../../shared/domain/points';

export function validInputFor(leaf: CriteriaNode, seed: number): RuleInput | null {
  const rule = leaf.rule!;
  switch (rule.kind) {
    case 'manual': {
      const steps = Math.round(toMilli(leaf.maxPoints) / toMilli(rule.step));
      return { kind: 'manual', points: (toMilli(rule.step) * (seed % (steps + 1))) / 1000 };
    }
    case 'yesNo':
      return { kind: 'yesNo', achieved: seed % 3 !== 0 };
    case 'levels':
      return { kind: 'levels', levelId: rule.levels[seed % rule.levels.length]!.id };
    case 'rate': {
      const denominator = 50 + (seed % 200);
      return { kind: 'rate', numerator: Math.floor((denominator * (60 + (seed % 41))) / 100), denominator };
    }
    case 'deduction':
      return { kind: 'deduction', occurrences: seed % 4 };
    case 'survey':
      return null;
  }
}

export function answerFor(leaf: CriteriaNode, seed: number): AnswerInput {
  return { input: validInputFor(leaf, seed), notApplicable: false, explanation: seed % 5 === 0 ? `Giải trình số ${seed}` : '' };
}

/** Every self-scored leaf answered (survey leaves left alone). */
export function fullAnswers(set: CriteriaSet, seed = 1): Map<string, AnswerInput> {
  const out = new Map<string, AnswerInput>();
  leavesOf(set).forEach((v, i) => {
    if (v.node.rule?.kind !== 'survey') out.set(v.node.code, answerFor(v.node, seed + i));
  });
  return out;
}
