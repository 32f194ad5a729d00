/** Shapes of the records that cross the boundary (inputs are strict; outputs are typed). */
import { z } from 'zod';

const name = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max);
const id = z.number().int().positive();

export const agencyDraftSchema = z.strictObject({
  /** "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG" — the superior body in the document header. */
  superiorBody: z.string().trim().max(200),
  /** "SỞ NỘI VỤ" / "ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU". */
  name: name(200),
  /** Short form for the document symbol, e.g. "SNV" in "…/BC-SNV". */
  abbreviation: z.string().trim().max(30),
  level: z.enum(['department', 'commune']),
  /** Place name used to date documents: "Đà Nẵng". */
  placeName: name(100),
  /** Signature block: "KT. GIÁM ĐỐC" (may be empty), "PHÓ GIÁM ĐỐC", and the full name. */
  signerAuthority: z.string().trim().max(100),
  signerTitle: name(100),
  signerName: name(100),
  /** The PAR officer who prepares the assessment. */
  officerName: z.string().trim().max(100),
  officerContact: z.string().trim().max(200),
});
export type AgencyDraft = z.infer<typeof agencyDraftSchema>;
export interface Agency extends AgencyDraft {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface CriteriaSetSummary {
  /** SHA-256 (hex) of the canonical JSON: the identity of the set. */
  hash: string;
  id: string;
  title: string;
  level: 'department' | 'commune';
  year: number;
  status: 'official' | 'draft' | 'sample';
  issuer: string;
  leafCount: number;
  importedAt: string;
  /** Set when a set with the same id and year was installed before and the user confirmed a new version. */
  version: number;
}

export type AssessmentStatus = 'draft' | 'final';
export interface AssessmentSummary {
  id: number;
  agencyId: number;
  year: number;
  setHash: string;
  setTitle: string;
  setStatus: 'official' | 'draft' | 'sample';
  status: AssessmentStatus;
  createdAt: string;
  updatedAt: string;
}

export const ids = { id };
