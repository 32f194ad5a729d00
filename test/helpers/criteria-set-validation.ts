/** Assertions on the result of validating a criteria set. */
import { expect } from 'vitest';
import { validateCriteriaSet, validateCriteriaSetText, type ValidationIssue } from '../../shared/domain/validate-criteria-set';

export function issuesOf(value: unknown): ValidationIssue[] {
  const result = validateCriteriaSet(value);
  if (result.ok) throw new Error('expected the set to be rejected, but it passed');
  return result.issues;
}

export function issuesOfText(text: string): ValidationIssue[] {
  const result = validateCriteriaSetText(text);
  if (result.ok) throw new Error('expected the text to be rejected, but it passed');
  return result.issues;
}

/** The only issue reported; fails if there are none or several. */
export function onlyIssue(issues: ValidationIssue[]): ValidationIssue {
  expect(issues).toHaveLength(1);
  return issues[0]!;
}
