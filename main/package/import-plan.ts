/**
 * Deciding what an import does, without writing: which agency, assessment and items of this
 * install the package's records are (identity rules below), whether the existing assessment says
 * something else, and which files still need their bytes. Run before the blobs are staged (to
 * refuse early) and again inside the write transaction (the store may have changed meanwhile).
 *
 * Identity: an agency is the same when its name (NFC, spaces collapsed, lower case) and level
 * match; an assessment by (agency, year, set hash), as the UNIQUE key says; an evidence item of
 * the agency by number/symbol + issue date + issuer + the same set of file contents (SHA-256).
 */
import type Database from 'better-sqlite3';
import type { Agency, AgencyDraft, AssessmentSummary } from '../../shared/api/entities';
import type { EvidenceItem } from '../../shared/api/evidence-entities';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { listAgencies } from '../store/queries/agencies';
import { listAnswers } from '../store/queries/answers';
import { listAssessments } from '../store/queries/assessments';
import { listItemsForAgency } from '../store/queries/evidence';
import { getReportSettings } from '../store/queries/report-settings';
import { localAppraisalText, packageAppraisalText } from './appraisal-part';
import { localPublishedText, packagePublishedText } from './published-part';
import { localItemKey, packageItemKey, type KeyedItem } from './item-identity';
import type { AssessmentDoc, Manifest } from './package-schema';

const norm = (text: string): string => text.normalize('NFC').trim().replace(/\s+/gu, ' ');
const nameKey = (name: string): string => norm(name).toLowerCase();

export interface NeededFile {
  path: string;
  hash: string;
  size: number;
  displayName: string;
}

export interface ImportPlan {
  agency: Agency | undefined;
  assessment: AssessmentSummary | undefined;
  /** The existing assessment's answers, links, report settings, appraisal or published result differ from the package. */
  differs: boolean;
  /** The existing assessment agrees with the package but has no appraisal yet, which the package carries. */
  addsAppraisal: boolean;
  /** Likewise for the published result (rank and class) of a closed assessment. */
  addsPublished: boolean;
  /** Package item index → matching local item. */
  matchedItems: Map<number, EvidenceItem>;
  /** Files of the items that will be created, one per content. */
  neededFiles: NeededFile[];
}

export function findAgency(db: Database.Database, draft: AgencyDraft): Agency | undefined {
  return listAgencies(db)
    .filter((a) => a.level === draft.level && nameKey(a.name) === nameKey(draft.name))
    .sort((a, b) => a.id - b.id)[0];
}

/** Package item index → the agency's item with the same identity (the oldest one). */
export function matchItems(local: EvidenceItem[], items: readonly KeyedItem[]): Map<number, EvidenceItem> {
  const byKey = new Map<string, EvidenceItem>();
  for (const item of [...local].sort((a, b) => a.id - b.id)) if (!byKey.has(localItemKey(item))) byKey.set(localItemKey(item), item);
  const matched = new Map<number, EvidenceItem>();
  items.forEach((item, index) => {
    const hit = byKey.get(packageItemKey(item));
    if (hit) matched.set(index, hit);
  });
  return matched;
}

function answersText(rows: { code: string; input: unknown; notApplicable: boolean; explanation: string }[]): string {
  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return canonicalJson(sorted.map((r) => [r.code, r.input, r.notApplicable, r.explanation]));
}

function localLinks(local: EvidenceItem[], assessmentId: number): string[] {
  return local.flatMap((item) => item.links.filter((l) => l.assessmentId === assessmentId).map((l) => `${l.code}\u0000${localItemKey(item)}`)).sort();
}

function packageLinks(doc: AssessmentDoc): string[] {
  return [...new Set(doc.evidence.flatMap((item) => item.codes.map((code) => `${code}\u0000${packageItemKey(item)}`)))].sort();
}

function settingsText(db: Database.Database, assessmentId: number): string {
  const s = getReportSettings(db, assessmentId);
  return canonicalJson(s ? { docNumber: s.docNumber, docSymbol: s.docSymbol, reportDate: s.reportDate, difficulties: s.difficulties, recipients: s.recipients } : null);
}

/** True when the stored assessment says something else than the package. */
export function assessmentDiffers(db: Database.Database, assessmentId: number, local: EvidenceItem[], doc: AssessmentDoc): boolean {
  if (answersText(listAnswers(db, assessmentId)) !== answersText(doc.answers)) return true;
  if (canonicalJson(localLinks(local, assessmentId)) !== canonicalJson(packageLinks(doc))) return true;
  return settingsText(db, assessmentId) !== canonicalJson(doc.reportSettings);
}

export function neededFiles(items: readonly KeyedItem[], matched: Map<number, EvidenceItem>): NeededFile[] {
  const byHash = new Map<string, NeededFile>();
  items.forEach((item, index) => {
    if (matched.has(index)) return;
    for (const f of item.files) if (!byHash.has(f.sha256)) byHash.set(f.sha256, { path: f.path, hash: f.sha256, size: f.size, displayName: f.displayName });
  });
  return [...byHash.values()];
}

export function planImport(db: Database.Database, manifest: Manifest, doc: AssessmentDoc): ImportPlan {
  const agency = findAgency(db, manifest.agency);
  const local = agency ? listItemsForAgency(db, agency.id) : [];
  const assessment = agency ? listAssessments(db, agency.id).find((a) => a.year === manifest.year && a.setHash === manifest.set.hash) : undefined;
  const matchedItems = matchItems(local, doc.evidence);
  const appraisal = { local: assessment ? localAppraisalText(db, assessment.id) : null, pkg: packageAppraisalText(doc) };
  const published = { local: assessment ? localPublishedText(db, assessment.id) : null, pkg: packagePublishedText(doc) };
  // A package without an appraisal or result (exported before them) never asks to replace them here.
  const partDiffers = (p: { local: string | null; pkg: string | null }) => p.local !== null && p.pkg !== null && p.local !== p.pkg;
  const differs = assessment ? partDiffers(appraisal) || partDiffers(published) || assessmentDiffers(db, assessment.id, local, doc) : false;
  const adds = (p: { local: string | null; pkg: string | null }) => assessment !== undefined && !differs && p.local === null && p.pkg !== null;
  return { agency, assessment, differs, addsAppraisal: adds(appraisal), addsPublished: adds(published), matchedItems, neededFiles: neededFiles(doc.evidence, matchedItems) };
}
