/**
 * The one contract between the renderer and main: every channel with its input schema (strict,
 * validated by dispatch) and its output type. The preload API, the handler registry and the
 * renderer client are all derived from this object, so a missing handler is a compile error.
 */
import { z } from 'zod';
import { MAX_CRITERIA_SET_BYTES, type CriteriaSet } from '../domain/criteria-set-schema';
import { SHA256_HEX } from '../domain/sha256';
import { answerInputSchema, type AnswerInput } from '../domain/answer';
import type { LeafResult, Totals } from '../domain/scoring-types';
import { appraisalChannels } from './channels/appraisal';
import { backupChannels, type RecoveryNoticeView } from './channels/backups';
import { criteriaDraftChannels } from './channels/criteria-drafts';
import { criteriaSetChannels } from './channels/criteria-sets';
import { dataArchiveChannels } from './channels/data-archive';
import { dataFolderChannels } from './channels/data-folder';
import { evidenceChannels } from './channels/evidence';
import { historyChannels, reasonSchema } from './channels/history';
import { out } from './phantom';
import { packageChannels } from './channels/package';
import { reportChannels } from './channels/report';
import { yearChannels } from './channels/years';
import { agencyProfileSchema, type Agency, type AssessmentSummary, type CriteriaSetSummary } from './entities';

const id = z.number().int().positive();
const empty = z.strictObject({});
const code = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,3}$/, 'Mã tiêu chí không hợp lệ');
export { MAX_CRITERIA_SET_BYTES };

export interface AnswerView extends AnswerInput {
  code: string;
  result: LeafResult;
  updatedAt: string | null;
}

export interface AssessmentView {
  assessment: AssessmentSummary;
  agency: Agency;
  set: CriteriaSet;
  setSummary: CriteriaSetSummary;
  answers: AnswerView[];
  totals: Totals;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'web';
  dataDir: string;
  /** Set after a start on a damaged or missing database: the screens offer the newest good backup first. */
  recovery: RecoveryNoticeView | null;
}


export const contract = {
  'app:info': { input: empty, output: out<AppInfo>() },
  'agencies:list': { input: empty, output: out<{ agencies: Agency[] }>() },
  'agencies:create': { input: agencyProfileSchema, output: out<Agency>() },
  'agencies:update': { input: z.strictObject({ id, draft: agencyProfileSchema }), output: out<Agency>() },
  'criteriaSets:list': { input: empty, output: out<{ sets: CriteriaSetSummary[] }>() },
  'criteriaSets:get': {
    input: z.strictObject({ hash: z.string().regex(SHA256_HEX) }),
    output: out<{ summary: CriteriaSetSummary; set: CriteriaSet }>(),
  },
  /** The renderer reads the chosen file (an <input type=file>) and sends its text. */
  'criteriaSets:import': {
    input: z.strictObject({
      fileName: z.string().max(500),
      text: z.string().max(MAX_CRITERIA_SET_BYTES),
      confirmNewVersion: z.boolean(),
    }),
    output: out<{ summary: CriteriaSetSummary; alreadyInstalled: boolean }>(),
  },
  'assessments:list': { input: z.strictObject({ agencyId: id }), output: out<{ assessments: AssessmentSummary[] }>() },
  'assessments:create': {
    /** A set of another year than `year` is refused (NEEDS_CONFIRMATION) unless `confirmYearMismatch` is true. */
    input: z.strictObject({ agencyId: id, year: z.number().int().min(2000).max(2100), setHash: z.string().regex(SHA256_HEX), confirmYearMismatch: z.boolean().optional() }),
    output: out<AssessmentSummary>(),
  },
  'assessments:open': { input: z.strictObject({ assessmentId: id }), output: out<AssessmentView>() },
  /** Lock ('final', refused with what is missing while incomplete) or unlock ('draft', from
   *  locked only, with a reason that is recorded in the history). */
  'assessments:setStatus': {
    input: z.strictObject({ assessmentId: id, status: z.enum(['draft', 'final']), reason: reasonSchema.optional() }),
    output: out<AssessmentSummary>(),
  },
  'answers:save': {
    input: z.strictObject({ assessmentId: id, code, answer: answerInputSchema }),
    output: out<{ answer: AnswerView; totals: Totals }>(),
  },
  ...criteriaSetChannels,
  ...criteriaDraftChannels,
  ...evidenceChannels,
  ...reportChannels,
  ...packageChannels,
  ...backupChannels,
  ...dataArchiveChannels,
  ...dataFolderChannels,
  ...historyChannels,
  ...appraisalChannels,
  ...yearChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];
export const channels = Object.keys(contract) as Channel[];
