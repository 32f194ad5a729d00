/** The database half of an import: ONE transaction (sync, no await inside) that re-plans against
 *  the current store and writes the agency, the set, the assessment, answers, items, files and
 *  links. Blob files were made durable before it starts; a blob gone meanwhile aborts it. */
import type Database from 'better-sqlite3';
import type { PackageImportResult } from '../../shared/api/channels/package';
import type { Agency } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { isReadOnlyStatus } from '../../shared/domain/assessment-status';
import { recordChange } from '../history/record';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { findLeaf } from '../../shared/domain/criteria-tree';
import { evaluateLeaf } from '../../shared/domain/scoring';
import { importCriteriaSet } from '../criteria/import-set';
import { blobFileSize } from '../evidence/blob-store';
import { blobVanished } from '../evidence/import-failures';
import { insertAgency } from '../store/queries/agencies';
import { upsertAnswer } from '../store/queries/answers';
import { insertAssessment, setAssessmentStatus } from '../store/queries/assessments';
import { insertItem, linkItem, refreshSearchText } from '../store/queries/evidence';
import { forgetBlob } from '../store/queries/blob-journal';
import { insertBlobIfMissing, insertFile } from '../store/queries/evidence-files';
import { upsertReportSettings } from '../store/queries/report-settings';
import { CRITERIA_SET_PATH } from './format';
import { planImport, type ImportPlan } from './import-plan';
import { deleteAnswersOf, deleteLinksOf, deleteReportSettingsOf } from '../store/queries/assessment-contents';
import { PackageRefusal } from './package-messages';
import { writeAppraisalPart } from './appraisal-part';
import { writePublishedPart } from './published-part';
import { deleteAppraisalOf } from '../store/queries/appraisal';
import type { AssessmentDoc, Manifest, PackageItem, PackagePublished } from './package-schema';
import type { StagedBlob } from './stage-blobs';
import { storedDisplayName } from './stage-blobs';

export interface ImportInput {
  manifest: Manifest;
  doc: AssessmentDoc;
  set: CriteriaSet;
  setText: string;
  blobs: Map<string, StagedBlob>;
  overwrite: boolean;
  dataDir: string;
  now: string;
}

type Counts = PackageImportResult['created'];

export function needsConfirmation(manifest: Manifest, agencyName: string): AppFailure {
  return new AppFailure(
    'NEEDS_CONFIRMATION',
    `Máy này đã có kỳ đánh giá năm ${manifest.year} của ${agencyName} theo bộ chỉ số này, với nội dung khác gói (câu trả lời, tài liệu kiểm chứng hoặc thông tin báo cáo). Không có gì bị ghi đè. Hãy xác nhận nếu muốn thay nội dung trên máy bằng nội dung của gói.`,
  );
}

/** The existing assessment may be replaced only with the officer's confirmation, never when locked. */
export function guardExisting(plan: ImportPlan, manifest: Manifest, overwrite: boolean): void {
  if (!plan.assessment || !plan.differs) return;
  if (!overwrite) throw needsConfirmation(manifest, plan.agency?.name ?? manifest.agency.name);
  if (isReadOnlyStatus(plan.assessment.status)) {
    throw new AppFailure('CONFLICT', `Kỳ đánh giá năm ${manifest.year} trên máy này đã khóa (bản chính thức), không ghi đè được.`);
  }
}

/** Points of one answer, refusing an input the set's rule does not accept. */
export function answerPoints(set: CriteriaSet, code: string, answer: AssessmentDoc['answers'][number]): number | null {
  const visit = findLeaf(set, code);
  const result = visit ? evaluateLeaf(set, visit.node, answer) : undefined;
  if (!result || result.state === 'invalid') {
    throw new PackageRefusal(`Câu trả lời cho tiêu chí ${code} trong gói không hợp lệ theo bộ chỉ số${result?.error ? `: ${result.error}` : '.'}`);
  }
  return result.pointsMilli;
}

/** Creates a package item of the agency with its files (blobs staged before the transaction). */
export function createItem(
  db: Database.Database,
  agencyId: number,
  item: Omit<PackageItem, 'codes'>,
  input: Pick<ImportInput, 'blobs' | 'dataDir' | 'now'>,
  counts: Pick<Counts, 'files' | 'items'>,
): number {
  const { docNumber, issuedOn, issuer, docType, summary } = item;
  const itemId = insertItem(db, agencyId, { docNumber, issuedOn, issuer, docType, summary }, input.now).id;
  const seen = new Set<string>();
  for (const f of item.files) {
    if (seen.has(f.sha256)) continue;
    seen.add(f.sha256);
    const blob = input.blobs.get(f.sha256);
    if (!blob || blobFileSize(input.dataDir, f.sha256) !== f.size) throw blobVanished();
    insertBlobIfMissing(db, f.sha256, f.size, input.now);
    forgetBlob(db, f.sha256);
    insertFile(db, { itemId, hash: f.sha256, displayName: storedDisplayName(f), mediaType: blob.mediaType, size: f.size, addedAt: input.now });
    counts.files += 1;
  }
  refreshSearchText(db, itemId);
  counts.items += 1;
  return itemId;
}

/** Package item index → local item id (matched, or created with its files). */
function resolveItems(db: Database.Database, agencyId: number, plan: ImportPlan, input: ImportInput, counts: Counts): number[] {
  return input.doc.evidence.map((item, index) => plan.matchedItems.get(index)?.id ?? createItem(db, agencyId, item, input, counts));
}

function writeAssessmentContent(db: Database.Database, assessmentId: number, itemIds: number[], input: ImportInput, counts: Counts): void {
  for (const a of input.doc.answers) {
    const pointsMilli = answerPoints(input.set, a.code, a);
    upsertAnswer(db, { assessmentId, code: a.code, input: a.input, notApplicable: a.notApplicable, explanation: a.explanation, pointsMilli, updatedAt: a.updatedAt });
    counts.answers += 1;
  }
  input.doc.evidence.forEach((item, index) => {
    for (const code of item.codes) if (linkItem(db, assessmentId, code, itemIds[index]!, input.now)) counts.links += 1;
  });
  const s = input.doc.reportSettings;
  if (s) upsertReportSettings(db, { assessmentId, ...s, updatedAt: input.now });
  setAssessmentStatus(db, assessmentId, input.doc.assessment.status, input.now);
}

/** The published result as the history row shows it (without when it was typed in). */
function publishedAfter(p: PackagePublished | undefined): { result?: Omit<PackagePublished, 'enteredAt'> } {
  if (!p) return {};
  const { enteredAt: _enteredAt, ...result } = p;
  return { result };
}

function clearAssessment(db: Database.Database, assessmentId: number): void {
  deleteAnswersOf(db, assessmentId);
  deleteLinksOf(db, assessmentId);
  deleteReportSettingsOf(db, assessmentId);
}

function ensureSet(db: Database.Database, input: ImportInput, agency: Agency): boolean {
  const outcome = importCriteriaSet(db, { text: input.setText, fileName: CRITERIA_SET_PATH, confirmNewVersion: true }, input.now);
  if (outcome.summary.hash !== input.manifest.set.hash) throw new PackageRefusal('Bộ chỉ số trong gói không ở dạng chuẩn; mã băm không khớp.');
  if (outcome.summary.level !== agency.level) throw new PackageRefusal('Bộ chỉ số trong gói không cùng cấp với cơ quan (sở, ban, ngành / xã, phường).');
  return !outcome.alreadyInstalled;
}

export function writeImport(db: Database.Database, input: ImportInput): Omit<PackageImportResult, 'undoBackup'> {
  return db.transaction((): Omit<PackageImportResult, 'undoBackup'> => {
    const plan = planImport(db, input.manifest, input.doc);
    guardExisting(plan, input.manifest, input.overwrite);
    const counts: Counts = { agency: !plan.agency, criteriaSet: false, assessment: !plan.assessment, items: 0, files: 0, links: 0, answers: 0 };
    const agency = plan.agency ?? insertAgency(db, input.manifest.agency, input.now);
    counts.criteriaSet = ensureSet(db, input, agency);
    const assessment = plan.assessment ?? insertAssessment(db, { agencyId: agency.id, year: input.manifest.year, setHash: input.manifest.set.hash, now: input.now });
    const itemIds = resolveItems(db, agency.id, plan, input, counts);
    const overwritten = plan.assessment !== undefined && plan.differs;
    const appraisal = input.doc.appraisal;
    if (overwritten) clearAssessment(db, assessment.id);
    // An older package (no appraisal) leaves the appraisal here as it is.
    if (overwritten && appraisal) deleteAppraisalOf(db, assessment.id);
    const published = input.doc.published;
    if (!plan.assessment || overwritten) {
      writeAssessmentContent(db, assessment.id, itemIds, input, counts);
      if (appraisal) writeAppraisalPart(db, assessment.id, appraisal, itemIds, input.now);
      if (published) writePublishedPart(db, assessment.id, published);
      const after = { createdAt: input.manifest.createdAt, answers: counts.answers, links: counts.links, status: input.doc.assessment.status, appraisalRounds: appraisal?.rounds.length ?? 0, ...publishedAfter(published) };
      recordChange(db, { assessmentId: assessment.id, kind: 'import', action: overwritten ? 'overwrite' : 'create', after }, input.now);
    } else if (plan.addsAppraisal || plan.addsPublished) {
      if (plan.addsAppraisal && appraisal) writeAppraisalPart(db, assessment.id, appraisal, itemIds, input.now);
      if (plan.addsPublished && published) writePublishedPart(db, assessment.id, published);
      if (plan.assessment.status !== input.doc.assessment.status) setAssessmentStatus(db, assessment.id, input.doc.assessment.status, input.now);
      const rounds = plan.addsAppraisal && appraisal ? { rounds: appraisal.rounds.map((r) => r.round), responses: appraisal.responses.length } : {};
      const after = { createdAt: input.manifest.createdAt, ...rounds, status: input.doc.assessment.status, ...publishedAfter(plan.addsPublished ? published : undefined) };
      recordChange(db, { assessmentId: assessment.id, kind: 'import', action: 'package-parts', after }, input.now);
    }
    const unchanged = !counts.agency && !counts.criteriaSet && !counts.assessment && counts.items === 0 && !overwritten && !plan.addsAppraisal && !plan.addsPublished;
    return { agencyId: agency.id, assessmentId: assessment.id, setHash: input.manifest.set.hash, unchanged, created: counts, overwritten };
  })();
}
