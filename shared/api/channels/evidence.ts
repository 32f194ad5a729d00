/** Evidence channels (tài liệu kiểm chứng), search and backups. Merged into the contract in
 *  shared/api/contract.ts. File bytes never travel here: uploads and previews use the stream
 *  routes (`/upload/evidence`, `/files/evidence/<id>`) of the web bridge and the app:// protocol,
 *  and a file chosen in the desktop's system picker is read by main from its path (evidence:importPicked). */
import { z } from 'zod';
import type { Totals } from '../../domain/scoring-types';
import { evidenceDraftSchema, type EvidenceItem, type ImportedFile } from '../evidence-entities';
import { out } from '../phantom';

const id = z.number().int().positive();
const code = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,3}$/, 'Mã tiêu chí không hợp lệ');
/** A grant for a file chosen in the system picker: 16 random bytes in hex, the path stays in main. */
const pickId = z.string().regex(/^[0-9a-f]{32}$/, 'Mã tệp đã chọn không hợp lệ');
/** Chosen by the renderer for one streamed upload (32 lowercase hex digits), sent with it and with its cancel. */
export const UPLOAD_ID_PATTERN = /^[0-9a-f]{32}$/;
const uploadId = z.string().regex(UPLOAD_ID_PATTERN, 'Mã lượt tải lên không hợp lệ');
export const MAX_PICKED_PROGRESS_IDS = 100;

/** An evidence change returns the item as it now is and the totals (needs-explanation marks
 *  depend on evidence). `item` is null after a delete. */
export interface EvidenceChange {
  item: EvidenceItem | null;
  totals: Totals;
}

export interface EvidenceGaps {
  /** Leaves with points above zero and neither evidence nor an explanation, in tree order. */
  leaves: { code: string; title: string; pointsMilli: number; maxMilli: number }[];
  /** Items linked to this assessment that have no file yet: one page (100), newest first. */
  itemsWithoutFiles: EvidenceItem[];
  /** How many such items there are in all. */
  itemsWithoutFilesTotal: number;
  /** Items linked to this assessment dated outside its year ("Ngoài năm đánh giá", shared/domain/evidence-year.ts), newest first. */
  itemsOutsideYear: EvidenceItem[];
}

export interface SearchResults {
  /** Every matching criterion, in tree order. */
  criteria: { code: string; title: string; matchedIn: 'code' | 'title' | 'guidance' }[];
  /** One page of matching documents, from the offset asked for. */
  evidence: { item: EvidenceItem; codes: string[] }[];
  /** How many documents of the agency match in all (a count in the database, not the page length). */
  evidenceTotal: number;
}

export interface AgencyItemsPage {
  items: EvidenceItem[];
  total: number;
  agencyTotal: number;
}

/** A file chosen in the system picker, as the renderer sees it (never its path). */
export interface PickedFile {
  pickId: string;
  name: string;
  size: number;
}

export interface PickedFileProgress {
  pickId: string;
  bytesDone: number;
  bytesTotal: number;
  running: boolean;
}

export interface BackupInfo {
  fileName: string;
  size: number;
  createdAt: string;
  removedBlobs: number;
}

export const evidenceChannels = {
  /** With the totals: a stored file can turn a document into evidence and change the marks. */
  'evidence:listForAssessment': { input: z.strictObject({ assessmentId: id }), output: out<{ items: EvidenceItem[]; totals: Totals }>() },
  /** The items linked to one criterion (the workspace loads them when the criterion is selected,
   *  not the whole list on open). `withTotals`: the totals too (after a file was stored elsewhere). */
  'evidence:listForCriterion': {
    input: z.strictObject({ assessmentId: id, code, withTotals: z.boolean().optional() }),
    output: out<{ items: EvidenceItem[]; totals: Totals | null }>(),
  },
  /** Items of the agency, also from earlier years (to reuse without importing again), newest first:
   *  one page of those matching `query` (every word, diacritics ignored) from `offset`, with how many
   *  match (`total`) and how many the agency has (`agencyTotal`). */
  'evidence:listForAgency': {
    input: z.strictObject({ agencyId: id, query: z.string().max(200).optional(), offset: z.number().int().min(0).max(1_000_000).optional() }),
    output: out<AgencyItemsPage>(),
  },
  'evidence:create': {
    input: z.strictObject({ assessmentId: id, code: code.nullable(), draft: evidenceDraftSchema }),
    output: out<EvidenceChange>(),
  },
  'evidence:update': { input: z.strictObject({ assessmentId: id, itemId: id, draft: evidenceDraftSchema }), output: out<EvidenceChange>() },
  'evidence:delete': { input: z.strictObject({ assessmentId: id, itemId: id }), output: out<EvidenceChange>() },
  'evidence:link': { input: z.strictObject({ assessmentId: id, code, itemId: id }), output: out<EvidenceChange>() },
  'evidence:unlink': { input: z.strictObject({ assessmentId: id, code, itemId: id }), output: out<EvidenceChange>() },
  'evidence:removeFile': { input: z.strictObject({ assessmentId: id, fileId: id }), output: out<EvidenceChange>() },
  /** `itemsOffset`: a further page of the items without files ("Xem thêm"). */
  'evidence:gaps': { input: z.strictObject({ assessmentId: id, itemsOffset: z.number().int().min(0).max(1_000_000).optional() }), output: out<EvidenceGaps>() },
  /** Desktop only: opens an allowlisted file with the system application through a temporary copy. */
  'evidence:openWithSystem': { input: z.strictObject({ fileId: id }), output: out<{ opened: true }>() },
  /** Desktop only: the system file picker (several files). Grants each file by id, single use, for an hour. */
  'evidence:pickFiles': { input: z.strictObject({}), output: out<{ files: PickedFile[] }>() },
  /** Desktop only: imports a picked file by its path in main into an item (the assessment must not be locked). */
  'evidence:importPicked': { input: z.strictObject({ assessmentId: id, itemId: id, pickId }), output: out<ImportedFile>() },
  /** Progress of picked-file imports, polled by the renderer; ids unknown to main are left out. */
  'evidence:pickedProgress': {
    input: z.strictObject({ pickIds: z.array(pickId).max(MAX_PICKED_PROGRESS_IDS) }),
    output: out<{ progress: PickedFileProgress[] }>(),
  },
  /** Aborts a running picked-file import (nothing is kept) or drops a grant not started yet. */
  'evidence:cancelPicked': { input: z.strictObject({ pickId }), output: out<{ cancelled: boolean }>() },
  /** Stops a streamed upload (by the id the renderer sent with it): nothing is kept. False when it is already stored. */
  'evidence:cancelUpload': { input: z.strictObject({ uploadId }), output: out<{ cancelled: boolean }>() },
  /** `evidenceOffset`: a further page of documents ("Xem thêm"); criteria then come back empty. */
  'search:query': {
    input: z.strictObject({ assessmentId: id, query: z.string().max(200), evidenceOffset: z.number().int().min(0).max(1_000_000).optional() }),
    output: out<SearchResults>(),
  },
  'backups:create': { input: z.strictObject({}), output: out<BackupInfo>() },
} as const;
