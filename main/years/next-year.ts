/**
 * "Tạo kỳ đánh giá năm sau": from an assessment, the leaf mapping to the new year's set (with the
 * officer's corrections) and the new draft assessment with last year's explanations and evidence
 * links offered as suggestions. Scores are never carried over: the new assessment starts empty.
 * The creation, its suggestions, the mapping used and its history row are ONE transaction.
 */
import type Database from 'better-sqlite3';
import type { Corrections, NextYearPlan } from '../../shared/api/channels/years';
import type { AssessmentSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { checkCorrections, mapLeaves, sourcesByNewCode, type LeafMappingRow } from '../../shared/domain/leaf-mapping';
import { requireAssessment } from '../assessment/assessment-view';
import { createAssessment } from '../assessment/create-assessment';
import { getCriteriaSetSummary } from '../criteria/set-summary';
import { loadCriteriaSet } from '../criteria/set-cache';
import { recordChange } from '../history/record';
import { listAnswers } from '../store/queries/answers';
import { insertOrigin, insertSuggestion, linkedItemsByCode, type NewSuggestion } from '../store/queries/next-year';

interface MappingInput {
  assessmentId: number;
  setHash: string;
  corrections: Corrections;
}

function mappingFor(db: Database.Database, req: MappingInput) {
  const source = requireAssessment(db, req.assessmentId);
  const target = getCriteriaSetSummary(db, req.setHash);
  if (!target) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số.');
  const older = loadCriteriaSet(db, source.setHash);
  const newer = loadCriteriaSet(db, req.setHash);
  const problem = checkCorrections(older, newer, req.corrections);
  if (problem) throw new AppFailure('INVALID_INPUT', problem, { path: 'corrections' });
  return { source, target, rows: mapLeaves(older, newer, req.corrections) };
}

/** What the new assessment would be offered: one explanation per old leaf with one, one link per document (no duplicates per new leaf). */
function suggestionsOf(db: Database.Database, sourceId: number, rows: LeafMappingRow[], assessmentId: number): NewSuggestion[] {
  const explanations = new Map(listAnswers(db, sourceId).filter((a) => a.explanation.trim() !== '').map((a) => [a.code, a.explanation]));
  const links = linkedItemsByCode(db, sourceId);
  const out: NewSuggestion[] = [];
  for (const [code, sources] of sourcesByNewCode(rows)) {
    const items = new Set<number>();
    for (const sourceCode of sources) {
      const explanation = explanations.get(sourceCode);
      if (explanation !== undefined) out.push({ assessmentId, code, sourceCode, kind: 'explanation', explanation, itemId: null });
      for (const itemId of links.get(sourceCode) ?? []) {
        if (items.has(itemId)) continue;
        items.add(itemId);
        out.push({ assessmentId, code, sourceCode, kind: 'link', explanation: null, itemId });
      }
    }
  }
  return out;
}

export function planNextYear(db: Database.Database, req: MappingInput): NextYearPlan {
  return db.transaction((): NextYearPlan => {
    const { source, target, rows } = mappingFor(db, req);
    const offered = suggestionsOf(db, source.id, rows, source.id);
    return {
      source,
      target,
      year: Math.min(source.year + 1, 2100),
      rows,
      offered: { explanations: offered.filter((s) => s.kind === 'explanation').length, links: offered.filter((s) => s.kind === 'link').length },
    };
  })();
}

export function createNextYear(
  db: Database.Database,
  req: MappingInput & { year: number; confirmYearMismatch?: boolean | undefined },
  now: string,
): { assessment: AssessmentSummary; suggestions: number } {
  return db.transaction(() => {
    const { source, rows } = mappingFor(db, req);
    if (req.year <= source.year) throw new AppFailure('INVALID_INPUT', `Năm của kỳ mới phải sau năm ${source.year}.`, { path: 'year' });
    const assessment = createAssessment(db, { agencyId: source.agencyId, year: req.year, setHash: req.setHash, confirmYearMismatch: req.confirmYearMismatch }, now);
    const suggestions = suggestionsOf(db, source.id, rows, assessment.id);
    for (const s of suggestions) insertSuggestion(db, s);
    insertOrigin(db, assessment.id, source.id, req.corrections, now);
    recordChange(
      db,
      {
        assessmentId: assessment.id,
        kind: 'status',
        action: 'create',
        after: { fromAssessmentId: source.id, fromYear: source.year, setHash: req.setHash, corrections: req.corrections, suggestions: suggestions.length },
      },
      now,
    );
    return { assessment, suggestions: suggestions.length };
  })();
}
