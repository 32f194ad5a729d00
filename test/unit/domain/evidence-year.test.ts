import { describe, expect, it } from 'vitest';
import { outsideAssessedYear } from '../../../shared/domain/evidence-year';

describe('outsideAssessedYear (the "Ngoài năm đánh giá" mark)', () => {
  it('a document of the assessed year counts, from 1 January to 31 December', () => {
    expect(outsideAssessedYear('2027-01-01', 'letter', 2027)).toBe(false);
    expect(outsideAssessedYear('2027-12-31', 'other', 2027)).toBe(false);
  });

  it("last year's plan is marked, but a plan or decision for this year issued from October of the year before counts", () => {
    expect(outsideAssessedYear('2026-02-10', 'plan', 2027)).toBe(true);
    expect(outsideAssessedYear('2026-09-30', 'plan', 2027)).toBe(true);
    expect(outsideAssessedYear('2026-12-15', 'plan', 2027)).toBe(false);
    expect(outsideAssessedYear('2026-10-01', 'decision', 2027)).toBe(false);
    expect(outsideAssessedYear('2026-12-15', 'report', 2027)).toBe(true);
    expect(outsideAssessedYear('2025-12-15', 'plan', 2027)).toBe(true);
  });

  it("the year's report signed in January of the next year counts; other documents of the next year are marked", () => {
    expect(outsideAssessedYear('2028-01-10', 'report', 2027)).toBe(false);
    expect(outsideAssessedYear('2028-02-01', 'report', 2027)).toBe(true);
    expect(outsideAssessedYear('2028-01-10', 'plan', 2027)).toBe(true);
  });

  it('a document without a date is not marked', () => {
    expect(outsideAssessedYear(null, 'plan', 2027)).toBe(false);
  });
});
