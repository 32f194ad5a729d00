/** Next year from this year, and the year-over-year comparison. Merged into the contract in
 *  shared/api/contract.ts. Handlers: main/api/handlers/years.ts → main/years/. */
import { z } from 'zod';
import { SHA256_HEX } from '../../domain/sha256';
import type { LeafMappingRow } from '../../domain/leaf-mapping';
import type { FieldSeries, LostPoints } from '../../domain/year-comparison';

export type { FieldSeries, LostPoints };
import type { AssessmentSummary, CriteriaSetSummary } from '../entities';
import { out } from '../phantom';
import type { ExportedFileView } from './history';

const id = z.number().int().positive();
const code = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,3}$/, 'Mã tiêu chí không hợp lệ');
const year = z.number().int().min(2000).max(2100);

/** The officer's corrections of the leaf mapping: old code → new code, or null for "no counterpart". */
export const correctionsSchema = z
  .record(code, code.nullable())
  .refine((value) => Object.keys(value).length <= 2000, 'Quá nhiều dòng sửa ghép tiêu chí.');
export type Corrections = z.infer<typeof correctionsSchema>;

export interface NextYearPlan {
  source: AssessmentSummary;
  target: CriteriaSetSummary;
  /** The year the new assessment gets by default: the source's year + 1. */
  year: number;
  rows: LeafMappingRow[];
  /** What would be offered as suggestions with this mapping. */
  offered: { explanations: number; links: number };
}

export interface SuggestionView {
  id: number;
  /** The new year's leaf, and its title. */
  code: string;
  title: string;
  sourceCode: string;
  sourceYear: number;
  kind: 'explanation' | 'link';
  explanation: string | null;
  item: { id: number; docNumber: string; summary: string; issuedOn: string | null } | null;
}

/** One year of the agency: the assessment counted for it (closed first, then the newest). */
export interface YearRow {
  year: number;
  assessmentId: number;
  status: AssessmentSummary['status'];
  setTitle: string;
  selfMilli: number;
  maxMilli: number;
  /** Self-assessed index, in thousandths of a percent. */
  selfIndexMilli: number;
  selfClass: string | null;
  published: { finalScoreMilli: number; indexMilli: number; className: string; rank: number; rankOf: number | null } | null;
}

export interface YearComparison {
  agencyId: number;
  years: YearRow[];
  fields: FieldSeries[];
  lost: LostPoints[];
}

export const yearChannels = {
  /** The leaf mapping from an assessment's set to another set, with the officer's corrections. Reads only. */
  'years:planNext': {
    input: z.strictObject({ assessmentId: id, setHash: z.string().regex(SHA256_HEX), corrections: correctionsSchema }),
    output: out<NextYearPlan>(),
  },
  /** Creates next year's draft (no scores) and its suggestions in one transaction. */
  'years:createNext': {
    input: z.strictObject({
      assessmentId: id,
      setHash: z.string().regex(SHA256_HEX),
      year,
      corrections: correctionsSchema,
      confirmYearMismatch: z.boolean().optional(),
    }),
    output: out<{ assessment: AssessmentSummary; suggestions: number }>(),
  },
  'years:suggestions': { input: z.strictObject({ assessmentId: id }), output: out<{ suggestions: SuggestionView[] }>() },
  /** Accept (written through the normal save or link path, with history) or dismiss one suggestion. */
  'years:decideSuggestion': {
    input: z.strictObject({ assessmentId: id, suggestionId: id, accept: z.boolean() }),
    output: out<{ suggestions: SuggestionView[] }>(),
  },
  'years:compare': { input: z.strictObject({ agencyId: id }), output: out<YearComparison>() },
  /** The comparison as .xlsx under <data>/exports/. */
  'years:exportCompare': { input: z.strictObject({ agencyId: id }), output: out<ExportedFileView>() },
} as const;
