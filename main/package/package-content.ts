/** What goes into the package of one assessment, read from the store in ONE transaction (so the
 *  answers, evidence, report and totals are consistent), then the report rendered outside it. */
import type Database from 'better-sqlite3';
import type { PackageTotals } from '../../shared/api/channels/package';
import type { ReportSettingsInput } from '../../shared/api/channels/report';
import type { Agency, AgencyDraft } from '../../shared/api/entities';
import type { EvidenceItem } from '../../shared/api/evidence-entities';
import { AppFailure } from '../../shared/api/result';
import { fromMilli } from '../../shared/domain/points';
import type { Totals } from '../../shared/domain/scoring-types';
import { buildAssessmentView } from '../assessment/assessment-view';
import { getCriteriaSetRow } from '../store/queries/criteria-sets';
import { listAnswers } from '../store/queries/answers';
import { getItem, listItemsForAssessment } from '../store/queries/evidence';
import { readAppraisalRows, toPackageAppraisal, type AppraisalRows } from './appraisal-part';
import { readPublishedPart } from './published-part';
import { getReportSettings } from '../store/queries/report-settings';
import { APP_VERSION } from '../version';
import { buildReportModel } from '../report/docx/build-model';
import { renderReportDocx } from '../report/docx/render';
import { asciiSlug } from '../report/report-file-name';
import { compareCodes } from '../../shared/domain/criteria-tree';
import { EvidenceLayout } from './evidence-paths';
import { ASSESSMENT_PATH, CRITERIA_SET_PATH, HISTORY_PATH, PACKAGE_FORMAT, REPORT_PATH } from './format';
import { historyDocument } from '../history/history-document';
import type { AssessmentDoc, Manifest, PackageItem } from './package-schema';

export interface EvidenceEntry {
  path: string;
  hash: string;
  size: number;
  displayName: string;
  /** Read from this file instead of the blob (the database copy in a data archive). */
  source?: string;
  /** Overrides the choice by the entry's extension (a data archive's blobs have none). */
  compress?: boolean;
}

export interface PackageContent {
  /** Everything but `files`, which the writer fills in. */
  manifest: Omit<Manifest, 'files'>;
  /** assessment.json, criteria-set.json, bao-cao.docx (small, built in memory). */
  buffers: { path: string; bytes: Buffer }[];
  evidence: EvidenceEntry[];
  fileName: string;
}

export function packageTotals(t: Totals): PackageTotals {
  return {
    points: fromMilli(t.pointsMilli),
    bonus: fromMilli(t.bonusMilli),
    penalty: fromMilli(t.penaltyMilli),
    total: fromMilli(t.totalMilli),
    max: fromMilli(t.maxMilli),
    applicableMax: fromMilli(t.applicableMaxMilli),
    percent: t.percent,
    className: t.className,
  };
}

export function agencyProfile(a: Agency): AgencyDraft {
  const { superiorBody, name, ordinaryName, abbreviation, level, placeName, signerAuthority, signerTitle, signerName, officerName, officerContact } = a;
  return { superiorBody, name, ordinaryName, abbreviation, level, placeName, signerAuthority, signerTitle, signerName, officerName, officerContact };
}

export function packageFileName(year: number, agency: Pick<Agency, 'abbreviation' | 'name'>, draft: boolean): string {
  return `goi-tu-danh-gia-cchc-${year}-${asciiSlug(agency.abbreviation.trim() || agency.name)}${draft ? '-du-thao' : ''}.zip`;
}

function settingsOf(db: Database.Database, assessmentId: number): ReportSettingsInput | null {
  const s = getReportSettings(db, assessmentId);
  return s ? { docNumber: s.docNumber, docSymbol: s.docSymbol, reportDate: s.reportDate, difficulties: s.difficulties, recipients: s.recipients } : null;
}

/** The assessment's items with the codes they back here, in tree order of their first code. */
function itemsInTreeOrder(items: EvidenceItem[], assessmentId: number): { item: EvidenceItem; codes: string[] }[] {
  return items
    .map((item) => ({ item, codes: item.links.filter((l) => l.assessmentId === assessmentId).map((l) => l.code).sort(compareCodes) }))
    .sort((a, b) => compareCodes(a.codes[0] ?? '', b.codes[0] ?? '') || a.item.id - b.item.id);
}

function evidenceSection(items: EvidenceItem[], assessmentId: number): { docItems: PackageItem[]; entries: EvidenceEntry[]; indexOf: Map<number, number> } {
  const layout = new EvidenceLayout();
  const entries = new Map<string, EvidenceEntry>();
  const ordered = itemsInTreeOrder(items, assessmentId);
  const indexOf = new Map(ordered.map(({ item }, index) => [item.id, index]));
  const docItems = ordered.map(({ item, codes }): PackageItem => {
    const files = item.files.map((f) => {
      const path = layout.pathFor({ docNumber: item.docNumber, codes, files: [] }, { hash: f.hash, displayName: f.displayName });
      if (!entries.has(f.hash)) entries.set(f.hash, { path, hash: f.hash, size: f.size, displayName: f.displayName });
      return { path, displayName: f.displayName, sha256: f.hash, size: f.size, mediaType: f.mediaType };
    });
    const { docNumber, issuedOn, issuer, docType, summary } = item;
    return { docNumber, issuedOn, issuer, docType, summary, codes, files };
  });
  return { docItems, entries: [...entries.values()], indexOf };
}

/** The year's evidence, plus the documents attached to answers to the appraisal (which may back no criterion). */
function withResponseItems(db: Database.Database, items: EvidenceItem[], appraisal: AppraisalRows | null): EvidenceItem[] {
  const ids = new Set(items.map((i) => i.id));
  const more = (appraisal?.responses ?? []).flatMap((r) => r.documents.map((d) => d.itemId)).filter((id) => !ids.has(id) && ids.add(id));
  return [...items, ...more.flatMap((id) => getItem(db, id) ?? [])];
}

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

function readSnapshot(db: Database.Database, assessmentId: number, now: string) {
  return db.transaction(() => {
    const view = buildAssessmentView(db, assessmentId);
    const setRow = getCriteriaSetRow(db, view.assessment.setHash);
    if (!setRow) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số của kỳ đánh giá.');
    const appraisal = readAppraisalRows(db, assessmentId);
    return {
      view,
      setJson: setRow.canonicalJson,
      answers: listAnswers(db, assessmentId),
      items: withResponseItems(db, listItemsForAssessment(db, assessmentId), appraisal),
      appraisal,
      published: readPublishedPart(db, assessmentId),
      settings: settingsOf(db, assessmentId),
      model: buildReportModel(db, assessmentId, now),
      history: historyDocument(db, assessmentId),
    };
  })();
}

/** `signed`: the signed report (a blob) carried beside bao-cao.docx, in the package of a submission. */
export async function buildPackageContent(db: Database.Database, assessmentId: number, now: string, signed?: EvidenceEntry): Promise<PackageContent> {
  const snap = readSnapshot(db, assessmentId, now);
  const { view } = snap;
  const { docItems, entries, indexOf } = evidenceSection(snap.items, assessmentId);
  const doc: AssessmentDoc = {
    format: PACKAGE_FORMAT,
    assessment: { year: view.assessment.year, setHash: view.assessment.setHash, status: view.assessment.status, createdAt: view.assessment.createdAt, updatedAt: view.assessment.updatedAt },
    answers: snap.answers.map((a) => ({ code: a.code, input: a.input, notApplicable: a.notApplicable, explanation: a.explanation, updatedAt: a.updatedAt })),
    evidence: docItems,
    reportSettings: snap.settings,
    ...(snap.appraisal ? { appraisal: toPackageAppraisal(snap.appraisal, indexOf) } : {}),
    ...(snap.published ? { published: snap.published } : {}),
  };
  const s = view.setSummary;
  const manifest: Omit<Manifest, 'files'> = {
    format: PACKAGE_FORMAT,
    createdAt: now,
    app: { name: 'par-self-assessment', version: APP_VERSION },
    agency: agencyProfile(view.agency),
    year: view.assessment.year,
    set: { id: s.id, year: s.year, title: s.title, status: s.status, hash: s.hash },
    totals: packageTotals(view.totals),
    reportDraft: snap.model.draft,
  };
  const report = await renderReportDocx(snap.model);
  const buffers = [
    { path: ASSESSMENT_PATH, bytes: json(doc) },
    { path: CRITERIA_SET_PATH, bytes: Buffer.from(snap.setJson, 'utf8') },
    { path: REPORT_PATH, bytes: report },
    { path: HISTORY_PATH, bytes: snap.history },
  ];
  return { manifest, buffers, evidence: signed ? [signed, ...entries] : entries, fileName: packageFileName(view.assessment.year, view.agency, snap.model.draft) };
}
