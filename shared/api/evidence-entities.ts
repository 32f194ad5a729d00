/** Evidence records (tài liệu kiểm chứng) as they cross the boundary: pure types and the strict
 *  input schema of a draft. Files are content-addressed blobs; links tie an item to criteria. */
import { z } from 'zod';

export const EVIDENCE_DOC_TYPES = ['plan', 'report', 'decision', 'letter', 'notice', 'other'] as const;
export type EvidenceDocType = (typeof EVIDENCE_DOC_TYPES)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function isRealIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const isoDate = z.string().refine(isRealIsoDate, 'Ngày không hợp lệ (dạng YYYY-MM-DD)');

export const evidenceDraftSchema = z.strictObject({
  /** Number/symbol, e.g. "125/KH-UBND". */
  docNumber: z.string().trim().max(100),
  issuedOn: isoDate.nullable(),
  issuer: z.string().trim().max(300),
  docType: z.enum(EVIDENCE_DOC_TYPES),
  /** "Trích yếu". */
  summary: z.string().trim().max(2000),
});
export type EvidenceDraft = z.infer<typeof evidenceDraftSchema>;

export interface EvidenceFile {
  id: number;
  itemId: number;
  /** NFC, no control or bidi characters, safe as a file name on every OS. */
  displayName: string;
  mediaType: string;
  size: number;
  /** SHA-256 of the content (hex): the blob's name. */
  hash: string;
  addedAt: string;
  /** Shown inside the app ('pdf' viewer, 'image'), or opened with the system application (null). */
  previewable: 'pdf' | 'image' | null;
}

export interface EvidenceLink {
  assessmentId: number;
  code: string;
}

/** A file up to this size is "small": read whole and hashed in one step when imported by path,
 *  and attached up to four at a time (its import waits on flushes, not on bandwidth). */
export const SMALL_EVIDENCE_FILE_BYTES = 4 * 1024 * 1024;

export interface EvidenceItem extends EvidenceDraft {
  id: number;
  agencyId: number;
  createdAt: string;
  updatedAt: string;
  files: EvidenceFile[];
  /** The criteria it backs, in any assessment of the agency. */
  links: EvidenceLink[];
  /** Years of locked assessments it backs: its details and files are frozen as submitted. */
  lockedYears: number[];
}

/** What an import returns: the file row, and the other items that already hold this content
 *  ("Tệp này đã được đính kèm vào …"). */
export interface ImportedFile {
  fileId: number;
  itemId: number;
  displayName: string;
  mediaType: string;
  size: number;
  hash: string;
  /** The content was stored already (by this or another item): nothing new was written. */
  deduplicated: boolean;
  alreadyOnItems: { itemId: number; docNumber: string; summary: string }[];
}
