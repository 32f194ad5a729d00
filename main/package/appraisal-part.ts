/** The appraisal carried by a full package (assessment.json `appraisal`): the rounds as imported
 *  (the council file's hash, its points, comments, requests and deadlines) and the answers to the
 *  requests with the documents attached (as indexes into `evidence`). Read for the export, compared
 *  with the store by content (documents by their identity, not their local ids) and written by the
 *  import inside its one transaction. No SQL here: the queries live in store/queries/appraisal.ts. */
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { getItem } from '../store/queries/evidence';
import { insertRound, listPoints, listResponseDocuments, listResponses, listRounds, addResponseDocument, upsertResponse } from '../store/queries/appraisal';
import { localItemKey, packageItemKey } from './item-identity';
import type { AssessmentDoc, PackageAppraisal } from './package-schema';

type Round = PackageAppraisal['rounds'][number];

export interface AppraisalRows {
  rounds: Round[];
  responses: { round: number; code: string; explanation: string; updatedAt: string; documents: { itemId: number; added: boolean }[] }[];
}

const parsed = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/** The assessment's appraisal as stored, or null when it has none. */
export function readAppraisalRows(db: Database.Database, assessmentId: number): AppraisalRows | null {
  const rounds = listRounds(db, assessmentId);
  if (rounds.length === 0) return null;
  const points = listPoints(db, assessmentId);
  const docs = listResponseDocuments(db, assessmentId);
  return {
    rounds: rounds.map((r) => ({
      round: r.round,
      fileHash: r.fileHash,
      fileName: r.fileName,
      appraisedOn: r.appraisedOn,
      council: r.council,
      statedTotals: parsed<Round['statedTotals']>(r.statedTotalsJson),
      published: parsed<Round['published']>(r.publishedJson),
      importedAt: r.importedAt,
      points: points
        .filter((p) => p.round === r.round)
        .map((p) => ({ code: p.code, pointsMilli: p.pointsMilli, input: parsed<Round['points'][number]['input']>(p.inputJson), comment: p.comment, request: p.request, deadline: p.deadline, survey: p.survey === 1 })),
    })),
    responses: listResponses(db, assessmentId).map((r) => ({
      round: r.round,
      code: r.code,
      explanation: r.explanation,
      updatedAt: r.updatedAt,
      documents: docs.filter((d) => d.responseId === r.id).map((d) => ({ itemId: d.itemId, added: d.added === 1 })),
    })),
  };
}

/** The rows as the package writes them, documents by their index in `evidence`. */
export function toPackageAppraisal(rows: AppraisalRows, indexOf: ReadonlyMap<number, number>): PackageAppraisal {
  return {
    rounds: rows.rounds,
    responses: rows.responses.map((r) => ({ ...r, documents: r.documents.flatMap((d) => (indexOf.has(d.itemId) ? [{ evidence: indexOf.get(d.itemId)!, added: d.added }] : [])) })),
  };
}

/** One comparable text for an appraisal, documents named by their identity (number, date, issuer, contents). */
function appraisalText(part: { rounds: Round[]; responses: { round: number; code: string; explanation: string; updatedAt: string; documents: { key: string; added: boolean }[] }[] }): string {
  const responses = part.responses.map((r) => ({ ...r, documents: [...r.documents].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) }));
  return canonicalJson({ rounds: part.rounds, responses });
}

export function localAppraisalText(db: Database.Database, assessmentId: number): string | null {
  const rows = readAppraisalRows(db, assessmentId);
  if (!rows) return null;
  const keyOf = (itemId: number) => {
    const item = getItem(db, itemId);
    return item ? localItemKey(item) : `#${itemId}`;
  };
  return appraisalText({ rounds: rows.rounds, responses: rows.responses.map((r) => ({ ...r, documents: r.documents.map((d) => ({ key: keyOf(d.itemId), added: d.added })) })) });
}

export function packageAppraisalText(doc: AssessmentDoc): string | null {
  if (!doc.appraisal) return null;
  const keyOf = (index: number) => packageItemKey(doc.evidence[index]!);
  return appraisalText({ rounds: doc.appraisal.rounds, responses: doc.appraisal.responses.map((r) => ({ ...r, documents: r.documents.map((d) => ({ key: keyOf(d.evidence), added: d.added })) })) });
}

/** Writes the package's appraisal into an assessment that has none; `itemIds`: package item index → local item id. */
export function writeAppraisalPart(db: Database.Database, assessmentId: number, part: PackageAppraisal, itemIds: readonly number[], now: string): void {
  for (const r of part.rounds) {
    const { points, statedTotals, published, ...round } = r;
    const entries = points.map((p) => ({ code: p.code, pointsMilli: p.pointsMilli, inputJson: p.input === null ? null : JSON.stringify(p.input), comment: p.comment, request: p.request, deadline: p.deadline, survey: p.survey }));
    insertRound(db, { assessmentId, ...round, statedTotalsJson: statedTotals ? JSON.stringify(statedTotals) : null, publishedJson: published ? JSON.stringify(published) : null }, entries);
  }
  for (const r of part.responses) {
    const responseId = upsertResponse(db, assessmentId, r.round, r.code, r.explanation, r.updatedAt);
    for (const d of r.documents) addResponseDocument(db, responseId, itemIds[d.evidence]!, d.added, now);
  }
}
