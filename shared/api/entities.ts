/** Shapes of the records that cross the boundary (inputs are strict; outputs are typed). */
import { z } from 'zod';
import { defaultAbbreviation, ordinaryAgencyName } from '../format/agency-names';

const name = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max);
const id = z.number().int().positive();

export const agencyDraftSchema = z.strictObject({
  /** "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG" — the superior body in the document header. */
  superiorBody: z.string().trim().max(200),
  /** "SỞ NỘI VỤ" / "ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU". */
  name: name(200),
  /** The same name as written in sentences and titles: "Sở Nội vụ", "Ủy ban nhân dân xã Hòa Bình".
   *  Blank (or missing, in packages made before it existed) means "derive it from the name". */
  ordinaryName: z.string().trim().max(200).default(''),
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

export const DEPARTMENT_ABBREVIATION_MESSAGE = 'Sở, ban, ngành cần nhập tên viết tắt dùng trong số ký hiệu văn bản, ví dụ SNV';

/** What the profile form saves: a department must give its abbreviation (a commune gets UBND). */
export const agencyProfileSchema = agencyDraftSchema.superRefine((d, ctx) => {
  if (d.level === 'department' && d.abbreviation === '') ctx.addIssue({ code: 'custom', path: ['abbreviation'], message: DEPARTMENT_ABBREVIATION_MESSAGE });
});

/** The draft with its defaults filled in: the ordinary name derived from the header name and the
 *  place name, and the per-level abbreviation. */
export function withAgencyDefaults(draft: AgencyDraft): AgencyDraft {
  return {
    ...draft,
    ordinaryName: draft.ordinaryName.trim() || ordinaryAgencyName(draft.name, draft.placeName),
    abbreviation: draft.abbreviation.trim() || defaultAbbreviation(draft.level),
  };
}
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

export { ASSESSMENT_STATUSES, isReadOnlyStatus, type AssessmentStatus } from '../domain/assessment-status';
import type { AssessmentStatus } from '../domain/assessment-status';
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
