/**
 * Importing a response package ("gói giải trình") on the receiving copy: verify everything first;
 * it must name an assessment of THIS install (same agency, year and criteria-set hash; the one
 * chosen, when one is) that holds the answered round with the same requests; else it is refused
 * and nothing changes. Then the documents' missing bytes are staged into the blob store (durable),
 * and ONE transaction adds the documents the agency's library lacks (matched as a full import
 * matches them), records each explanation against its request (the package's text wins) and
 * attaches the documents to the answers, with one history row. A verified backup is taken just
 * before an import that changes something (its undo); the same package again changes nothing (no
 * row, no history, no backup). The self scores and the year's evidence links are never touched.
 */
import type Database from 'better-sqlite3';
import type { ResponseImportResult } from '../../shared/api/channels/package';
import { AppFailure } from '../../shared/api/result';
import type { AssessmentSummary } from '../../shared/api/entities';
import type { HandlerContext } from '../context/handler-context';
import { recordChange } from '../history/record';
import { getAgency } from '../store/queries/agencies';
import { addResponseDocument, getResponse, listPoints, listResponseDocuments, upsertResponse } from '../store/queries/appraisal';
import { getAssessment, listAssessments } from '../store/queries/assessments';
import { listItemsForAgency } from '../store/queries/evidence';
import { refusedImport } from './import-package';
import { findAgency, matchItems, neededFiles } from './import-plan';
import { createItem } from './import-write';
import type { ResponseDoc, ResponseManifest } from './response-schema';
import { stageBlobs, type StagedBlob } from './stage-blobs';
import { inspectPackage, type Inspection } from './verify-package';
import { oneAtATime } from '../backup/one-at-a-time';
import { createBackup } from '../evidence/backup';

const NOTHING_CHANGED = 'Dữ liệu trên máy không thay đổi.';
const refuse = (message: string): AppFailure => new AppFailure('CONFLICT', `${message} ${NOTHING_CHANGED}`);

function forWhom(m: ResponseManifest): string {
  return `${m.agency.name}, năm ${m.year}, bộ chỉ số "${m.set.title}" (mã ${m.set.hash.slice(0, 12)}…)`;
}

/** The assessment the package answers for: the chosen one (which must match) or the one of its agency/year/set. */
function targetAssessment(db: Database.Database, m: ResponseManifest, chosenId: number | undefined): AssessmentSummary {
  const agency = findAgency(db, m.agency);
  if (chosenId !== undefined) {
    const chosen = getAssessment(db, chosenId);
    if (!chosen) throw new AppFailure('NOT_FOUND', 'Không tìm thấy kỳ đánh giá.');
    const chosenAgency = getAgency(db, chosen.agencyId)!;
    if (!agency || agency.id !== chosen.agencyId) throw refuse(`Gói giải trình này của cơ quan "${m.agency.name}", không phải "${chosenAgency.name}".`);
    if (chosen.year !== m.year) throw refuse(`Gói giải trình này dành cho năm ${m.year}, kỳ đánh giá đang mở là năm ${chosen.year}.`);
    if (chosen.setHash !== m.set.hash) throw refuse(`Gói giải trình chấm theo một bộ chỉ số khác (mã ${m.set.hash.slice(0, 12)}…), kỳ đánh giá dùng bộ chỉ số mã ${chosen.setHash.slice(0, 12)}….`);
    return chosen;
  }
  const found = agency ? listAssessments(db, agency.id).find((a) => a.year === m.year && a.setHash === m.set.hash) : undefined;
  if (!found) throw refuse(`Máy này không có kỳ đánh giá của ${forWhom(m)}: gói giải trình chỉ nhập được vào đúng kỳ đánh giá đó.`);
  return found;
}

/** The receiving copy holds the round, and each answered criterion is one of its requests. */
function checkRequests(db: Database.Database, assessmentId: number, doc: ResponseDoc): void {
  const points = listPoints(db, assessmentId).filter((p) => p.round === doc.round);
  if (points.length === 0) throw refuse(`Kỳ đánh giá trên máy này chưa có kết quả thẩm định vòng ${doc.round}; hãy nhập kết quả thẩm định (hoặc gói hồ sơ có kết quả thẩm định) trước.`);
  const asked = new Set(points.filter((p) => p.request !== 'none').map((p) => p.code));
  const stray = doc.requests.find((r) => !asked.has(r.code));
  if (stray) throw refuse(`Vòng thẩm định ${doc.round} trên máy này không có đề nghị nào cho tiêu chí ${stray.code}.`);
}

/** Whether the import would write anything, read as writeResponse decides it: a document the
 *  library lacks, an explanation that differs, or a document not yet attached to its answer. */
function wouldChange(db: Database.Database, target: AssessmentSummary, doc: ResponseDoc): boolean {
  const matched = matchItems(listItemsForAgency(db, target.agencyId), doc.evidence);
  if (doc.evidence.some((_, index) => !matched.has(index))) return true;
  if (doc.requests.some((r) => (getResponse(db, target.id, doc.round, r.code)?.explanation ?? '') !== r.explanation)) return true;
  const attached = new Set(listResponseDocuments(db, target.id).map((d) => `${d.responseId}|${d.itemId}`));
  return doc.evidence.some((item, index) =>
    item.codes.some((code) => {
      const response = getResponse(db, target.id, doc.round, code);
      return !response || !attached.has(`${response.id}|${matched.get(index)!.id}`);
    }),
  );
}

interface WriteInput {
  target: AssessmentSummary;
  doc: ResponseDoc;
  blobs: Map<string, StagedBlob>;
  dataDir: string;
  now: string;
}

type Written = Omit<ResponseImportResult, 'undoBackup'>;

function writeResponse(db: Database.Database, input: WriteInput): Written {
  return db.transaction((): Written => {
    const { target, doc, now } = input;
    checkRequests(db, target.id, doc);
    const counts = { items: 0, files: 0, explanations: 0, links: 0 };
    const matched = matchItems(listItemsForAgency(db, target.agencyId), doc.evidence);
    const itemIds = doc.evidence.map((item, index) => matched.get(index)?.id ?? createItem(db, target.agencyId, item, input, counts));
    const responseIds = new Map<string, number>();
    let rowsWritten = 0;
    const write = (code: string, explanation: string, updatedAt: string): number => {
      rowsWritten += 1;
      const id = upsertResponse(db, target.id, doc.round, code, explanation, updatedAt);
      responseIds.set(code, id);
      return id;
    };
    for (const r of doc.requests) {
      const existing = getResponse(db, target.id, doc.round, r.code);
      if (existing) responseIds.set(r.code, existing.id);
      // A request left unanswered creates nothing; a different explanation is replaced by the package's.
      if ((existing?.explanation ?? '') === r.explanation) continue;
      write(r.code, r.explanation, r.updatedAt ?? now);
      counts.explanations += 1;
    }
    /** The answer row a document hangs on (created, blank, for a request answered by documents only). */
    const responseIdOf = (code: string): number => responseIds.get(code) ?? write(code, '', doc.requests.find((r) => r.code === code)?.updatedAt ?? now);
    doc.evidence.forEach((item, index) => {
      for (const code of item.codes) if (addResponseDocument(db, responseIdOf(code), itemIds[index]!, item.added, now)) counts.links += 1;
    });
    const unchanged = rowsWritten === 0 && counts.items === 0 && counts.links === 0;
    if (!unchanged) recordChange(db, { assessmentId: target.id, kind: 'import', action: 'response', after: { round: doc.round, ...counts } }, now);
    return { agencyId: target.agencyId, assessmentId: target.id, round: doc.round, unchanged, created: counts };
  })();
}

export interface ImportResponseOptions {
  /** The assessment the officer imports into (it must be the package's); else the package's own. */
  assessmentId?: number;
  /** An inspection already made of the same file (the CLI looks before choosing the import). */
  inspection?: Inspection;
}

export async function importResponsePackage(ctx: HandlerContext, file: string, opts: ImportResponseOptions = {}): Promise<ResponseImportResult> {
  const { report, response } = opts.inspection ?? (await inspectPackage(file));
  if (!response) {
    if (report.ok) throw new AppFailure('INVALID_INPUT', `Tệp này là gói hồ sơ đầy đủ, không phải gói giải trình. Hãy dùng "Nhập gói hồ sơ". ${NOTHING_CHANGED}`);
    throw refusedImport(report);
  }
  const target = targetAssessment(ctx.db, response.manifest, opts.assessmentId);
  checkRequests(ctx.db, target.id, response.doc);
  // A verified backup first, as a full import takes: "Hoàn tác lần nhập" restores it (the package's
  // explanations replace different ones). Not when the package would change nothing (it writes nothing then).
  const undo = wouldChange(ctx.db, target, response.doc) ? await oneAtATime(ctx.dataDir, () => createBackup(ctx.db, ctx.dataDir, ctx.now(), { reason: 'before-import' })) : null;
  const needed = neededFiles(response.doc.evidence, matchItems(listItemsForAgency(ctx.db, target.agencyId), response.doc.evidence));
  const blobs = await stageBlobs(ctx, file, needed);
  const written = writeResponse(ctx.db, { target, doc: response.doc, blobs, dataDir: ctx.dataDir, now: ctx.now() });
  return { ...written, undoBackup: undo?.fileName ?? null };
}
