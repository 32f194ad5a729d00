/** What goes into the response package of one appraisal round (the one asked for, else the newest
 *  with requests), read in ONE transaction: the round's requests with the officer's explanations,
 *  the documents linked or added as answers (only those: not the agency's whole library) with
 *  their files, then the response .docx of that round. */
import type Database from 'better-sqlite3';
import type { ResponseExportInput } from '../../shared/api/channels/appraisal';
import { AppFailure } from '../../shared/api/result';
import { compareCodes } from '../../shared/domain/criteria-tree';
import { requireRequestRound, roundsWithRequests } from '../appraisal/request-rounds';
import { renderResponseDocx } from '../appraisal/response-docx';
import { buildAssessmentView } from '../assessment/assessment-view';
import { listPoints, listResponseDocuments, listResponses } from '../store/queries/appraisal';
import { getItem } from '../store/queries/evidence';
import { asciiSlug } from '../report/report-file-name';
import { APP_VERSION } from '../version';
import { EvidenceLayout } from './evidence-paths';
import { agencyProfile, type EvidenceEntry } from './package-content';
import { RESPONSE_DOC_PATH, RESPONSE_DOCX_PATH, RESPONSE_PACKAGE_FORMAT, type ResponseDoc, type ResponseItem, type ResponseManifest } from './response-schema';

export interface ResponseContent {
  manifest: Omit<ResponseManifest, 'files'>;
  buffers: { path: string; bytes: Buffer }[];
  evidence: EvidenceEntry[];
  fileName: string;
}

type Request = ResponseDoc['requests'][number];

export function responsePackageFileName(year: number, agency: { abbreviation: string; name: string }, round: number): string {
  return `goi-giai-trinh-cchc-${year}-${asciiSlug(agency.abbreviation.trim() || agency.name)}-vong-${round}.zip`;
}

/** The round asked for (which must exist and have asked something), else the newest round that
 *  asked something (the one an officer answers now). */
function chooseRound(db: Database.Database, assessmentId: number, requested: number | undefined): number {
  const rows = listPoints(db, assessmentId);
  if (requested !== undefined) return requireRequestRound(db, assessmentId, rows, requested);
  const round = roundsWithRequests(rows).at(-1);
  if (round === undefined) throw new AppFailure('CONFLICT', 'Kết quả thẩm định không có đề nghị giải trình, bổ sung nào: không có gì để đóng gói giải trình.');
  return round;
}

/** The documents attached to the round's answers, each with the request codes it answers. */
function attachedItems(db: Database.Database, assessmentId: number, round: number, codes: ReadonlySet<string>) {
  const responses = new Map(listResponses(db, assessmentId).filter((r) => r.round === round && codes.has(r.code)).map((r) => [r.id, r]));
  const byItem = new Map<number, { codes: string[]; added: boolean }>();
  for (const d of listResponseDocuments(db, assessmentId)) {
    const response = responses.get(d.responseId);
    if (!response) continue;
    const entry = byItem.get(d.itemId) ?? { codes: [], added: false };
    entry.codes.push(response.code);
    entry.added ||= d.added === 1;
    byItem.set(d.itemId, entry);
  }
  return [...byItem.entries()].flatMap(([itemId, e]) => {
    const item = getItem(db, itemId);
    return item ? [{ item, codes: [...new Set(e.codes)].sort(compareCodes), added: e.added }] : [];
  });
}

function readRound(db: Database.Database, assessmentId: number, requested: number | undefined) {
  return db.transaction(() => {
    const view = buildAssessmentView(db, assessmentId);
    const round = chooseRound(db, assessmentId, requested);
    const points = listPoints(db, assessmentId).filter((p) => p.round === round && p.request !== 'none');
    const responses = new Map(listResponses(db, assessmentId).filter((r) => r.round === round).map((r) => [r.code, r]));
    const requests: Request[] = points
      .map((p) => {
        const r = responses.get(p.code);
        return { code: p.code, request: p.request as Request['request'], comment: p.comment, deadline: p.deadline, explanation: r?.explanation ?? '', updatedAt: r?.updatedAt ?? null };
      })
      .sort((a, b) => compareCodes(a.code, b.code));
    const items = attachedItems(db, assessmentId, round, new Set(requests.map((r) => r.code)));
    return { view, round, requests, items };
  })();
}

function evidenceOf(items: ReturnType<typeof readRound>['items']): { docItems: ResponseItem[]; entries: EvidenceEntry[] } {
  const layout = new EvidenceLayout();
  const entries = new Map<string, EvidenceEntry>();
  const sorted = [...items].sort((a, b) => compareCodes(a.codes[0]!, b.codes[0]!) || a.item.id - b.item.id);
  const docItems = sorted.map(({ item, codes, added }): ResponseItem => {
    const files = item.files.map((f) => {
      const path = layout.pathFor({ docNumber: item.docNumber, codes, files: [] }, { hash: f.hash, displayName: f.displayName });
      if (!entries.has(f.hash)) entries.set(f.hash, { path, hash: f.hash, size: f.size, displayName: f.displayName });
      return { path, displayName: f.displayName, sha256: f.hash, size: f.size, mediaType: f.mediaType };
    });
    const { docNumber, issuedOn, issuer, docType, summary } = item;
    return { docNumber, issuedOn, issuer, docType, summary, codes, added, files };
  });
  return { docItems, entries: [...entries.values()] };
}

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** The response package of the round asked for (else the newest round with requests); the .docx
 *  takes the number, date and recipients given. */
export async function buildResponseContent(db: Database.Database, input: ResponseExportInput, now: string): Promise<ResponseContent> {
  const { view, round, requests, items } = readRound(db, input.assessmentId, input.round);
  const { docItems, entries } = evidenceOf(items);
  const a = view.assessment;
  const doc: ResponseDoc = { format: RESPONSE_PACKAGE_FORMAT, assessment: { year: a.year, setHash: a.setHash }, round, requests, evidence: docItems };
  const s = view.setSummary;
  const manifest: Omit<ResponseManifest, 'files'> = {
    format: RESPONSE_PACKAGE_FORMAT,
    createdAt: now,
    app: { name: 'par-self-assessment', version: APP_VERSION },
    agency: agencyProfile(view.agency),
    year: a.year,
    set: { id: s.id, year: s.year, title: s.title, hash: s.hash },
    round,
    requests: requests.length,
  };
  const docx = await renderResponseDocx(db, input, now, round);
  return {
    manifest,
    buffers: [
      { path: RESPONSE_DOC_PATH, bytes: json(doc) },
      { path: RESPONSE_DOCX_PATH, bytes: docx.bytes },
    ],
    evidence: entries,
    fileName: responsePackageFileName(a.year, view.agency, round),
  };
}
