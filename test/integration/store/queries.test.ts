import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/open';
import { isForeignKeyViolation, isUniqueViolation } from '../../../main/store/statements';
import { getAgency, insertAgency, listAgencies, updateAgency } from '../../../main/store/queries/agencies';
import { findSetsByIdYear, getCriteriaSetRow, insertCriteriaSet, listCriteriaSets } from '../../../main/store/queries/criteria-sets';
import { getAssessment, insertAssessment, listAssessments, touchAssessment } from '../../../main/store/queries/assessments';
import { getAnswer, listAnswers, upsertAnswer, type AnswerRow } from '../../../main/store/queries/answers';
import { makeTempDir, NOW, sampleSetRow, type TempDir } from '../../helpers/store-temp';
import { agencyDraft } from '../../helpers/agency-fixture';

const LATER = '2026-02-01T09:30:00.000Z';
let tmp: TempDir;
let db: Database.Database;

beforeEach(() => {
  tmp = makeTempDir('par-queries-');
  db = openDatabase(tmp.file('par.sqlite'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

function seedAssessment(): { agencyId: number; setHash: string; assessmentId: number } {
  const agency = insertAgency(db, agencyDraft(), NOW);
  const set = sampleSetRow();
  insertCriteriaSet(db, set);
  const a = insertAssessment(db, { agencyId: agency.id, year: 2025, setHash: set.hash, now: NOW });
  return { agencyId: agency.id, setHash: set.hash, assessmentId: a.id };
}

describe('agencies', () => {
  it('inserts, updates and lists', () => {
    const a = insertAgency(db, agencyDraft(), NOW);
    const b = insertAgency(db, agencyDraft({ name: 'ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU', level: 'commune', signerAuthority: '' }), NOW);
    // A blank ordinary name is derived; a blank commune abbreviation becomes UBND.
    expect(a).toEqual({ ...agencyDraft(), ordinaryName: 'Sở Nội vụ', id: a.id, createdAt: NOW, updatedAt: NOW });
    expect(b).toMatchObject({ ordinaryName: 'Ủy ban nhân dân phường Hải Châu', abbreviation: 'SNV' });
    const updated = updateAgency(db, a.id, agencyDraft({ signerName: 'Lê Văn C' }), LATER);
    expect(updated).toMatchObject({ id: a.id, signerName: 'Lê Văn C', createdAt: NOW, updatedAt: LATER });
    expect(getAgency(db, a.id)).toEqual(updated);
    expect(listAgencies(db).map((x) => x.id)).toEqual([a.id, b.id]);
    expect(updateAgency(db, 999, agencyDraft(), LATER)).toBeUndefined();
    expect(getAgency(db, 999)).toBeUndefined();
  });

  it('refuses values outside the CHECKs', () => {
    expect(() => insertAgency(db, { ...agencyDraft(), level: 'ministry' as 'department' }, NOW)).toThrow(/CHECK/);
    expect(() => insertAgency(db, agencyDraft({ name: '' }), NOW)).toThrow(/CHECK/);
  });
});

describe('criteria sets', () => {
  it('stores summaries, the canonical JSON and versions per id and year', () => {
    const v1 = sampleSetRow();
    const v2 = sampleSetRow({ version: 2, title: 'Bộ chỉ số sửa đổi' });
    insertCriteriaSet(db, v1);
    insertCriteriaSet(db, v2);
    expect(getCriteriaSetRow(db, v1.hash)).toEqual(v1);
    const { canonicalJson: _json, ...summary } = v2;
    expect(listCriteriaSets(db)).toContainEqual(summary);
    expect(listCriteriaSets(db)[0]).not.toHaveProperty('canonicalJson');
    expect(findSetsByIdYear(db, v1.id, v1.year).map((s) => s.version)).toEqual([1, 2]);
    expect(findSetsByIdYear(db, v1.id, 2026)).toEqual([]);
    expect(isUniqueViolation(thrown(() => insertCriteriaSet(db, { ...v2, hash: 'f'.repeat(64) })))).toBe(true);
  });

  it('is immutable: UPDATE is refused, DELETE is refused once an assessment uses it', () => {
    const { setHash } = seedAssessment();
    expect(() => db.prepare("UPDATE criteria_sets SET title = 'x' WHERE hash = ?").run(setHash)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM criteria_sets WHERE hash = ?').run(setHash)).toThrow(/used by an assessment/);
    const unused = sampleSetRow({ year: 2024 });
    insertCriteriaSet(db, unused);
    expect(db.prepare('DELETE FROM criteria_sets WHERE hash = ?').run(unused.hash).changes).toBe(1);
    expect(getCriteriaSetRow(db, setHash)?.title).toBe(sampleSetRow().title);
  });

  it('refuses a hash that is not 64 lowercase hex digits', () => {
    expect(() => insertCriteriaSet(db, { ...sampleSetRow(), hash: 'ABC' })).toThrow(/CHECK/);
  });
});

describe('assessments', () => {
  it('inserts, lists with the set title and status, and touches', () => {
    const { agencyId, setHash, assessmentId } = seedAssessment();
    const expected = { id: assessmentId, agencyId, year: 2025, setHash, setTitle: sampleSetRow().title, setStatus: 'sample', status: 'draft', createdAt: NOW, updatedAt: NOW };
    expect(listAssessments(db, agencyId)).toEqual([expected]);
    expect(touchAssessment(db, assessmentId, LATER)).toBe(true);
    expect(getAssessment(db, assessmentId)).toEqual({ ...expected, updatedAt: LATER });
    expect(touchAssessment(db, 999, LATER)).toBe(false);
    expect(listAssessments(db, 999)).toEqual([]);
  });

  it('is unique per agency, year and set', () => {
    const { agencyId, setHash } = seedAssessment();
    const again = thrown(() => insertAssessment(db, { agencyId, year: 2025, setHash, now: LATER }));
    expect(isUniqueViolation(again)).toBe(true);
    expect(insertAssessment(db, { agencyId, year: 2026, setHash, now: LATER }).year).toBe(2026);
  });

  it('refuses an unknown agency or set (foreign keys)', () => {
    const { agencyId, setHash } = seedAssessment();
    expect(isForeignKeyViolation(thrown(() => insertAssessment(db, { agencyId: 999, year: 2025, setHash, now: NOW })))).toBe(true);
    expect(isForeignKeyViolation(thrown(() => insertAssessment(db, { agencyId, year: 2024, setHash: 'a'.repeat(64), now: NOW })))).toBe(true);
  });
});

describe('answers', () => {
  const answer = (assessmentId: number, over: Partial<AnswerRow> = {}): AnswerRow => ({
    assessmentId,
    code: '1.1',
    input: { kind: 'rate', numerator: 3, denominator: 4 },
    notApplicable: false,
    explanation: 'Đã ban hành kế hoạch CCHC năm 2025.',
    pointsMilli: 750,
    updatedAt: NOW,
    ...over,
  });

  it('upserts and lists with the parsed input', () => {
    const { assessmentId } = seedAssessment();
    upsertAnswer(db, answer(assessmentId));
    upsertAnswer(db, answer(assessmentId, { code: '1.2', input: null, pointsMilli: null, notApplicable: true, explanation: '' }));
    upsertAnswer(db, answer(assessmentId, { input: { kind: 'yesNo', achieved: true }, pointsMilli: 1000, updatedAt: LATER }));
    expect(listAnswers(db, assessmentId)).toEqual([
      answer(assessmentId, { input: { kind: 'yesNo', achieved: true }, pointsMilli: 1000, updatedAt: LATER }),
      answer(assessmentId, { code: '1.2', input: null, pointsMilli: null, notApplicable: true, explanation: '' }),
    ]);
    expect(getAnswer(db, assessmentId, '1.2')?.notApplicable).toBe(true);
    expect(getAnswer(db, assessmentId, '9.9')).toBeUndefined();
  });

  it('refuses an answer for a missing assessment and cascades on assessment delete', () => {
    const { assessmentId } = seedAssessment();
    expect(isForeignKeyViolation(thrown(() => upsertAnswer(db, answer(999))))).toBe(true);
    upsertAnswer(db, answer(assessmentId));
    db.prepare('DELETE FROM assessments WHERE id = ?').run(assessmentId);
    expect(listAnswers(db, assessmentId)).toEqual([]);
  });

  it('refuses fractional points and a stored input that does not fit the schema', () => {
    const { assessmentId } = seedAssessment();
    expect(() => upsertAnswer(db, answer(assessmentId, { pointsMilli: 0.5 }))).toThrow(/integer/);
    db.prepare("INSERT INTO answers (assessment_id, code, input_json, updated_at) VALUES (?, '2.1', '{\"kind\":\"bogus\"}', ?)").run(assessmentId, NOW);
    expect(() => listAnswers(db, assessmentId)).toThrow(/does not fit/);
  });
});
