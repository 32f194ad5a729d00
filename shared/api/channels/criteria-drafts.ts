/** Drafts of criteria sets, edited in "Soạn bộ chỉ số". Merged into the contract in shared/api/contract.ts. */
import { z } from 'zod';
import { criteriaDraftSchema, type CriteriaDraft } from '../../domain/criteria-draft/draft-schema';
import { SHA256_HEX } from '../../domain/sha256';
import type { CriteriaSetSummary } from '../entities';
import { out } from '../phantom';

const draftId = z.number().int().positive();

export interface CriteriaDraftSummary {
  id: number;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface CriteriaDraftView extends CriteriaDraftSummary {
  body: CriteriaDraft;
}

export const criteriaDraftChannels = {
  'criteriaDrafts:list': { input: z.strictObject({}), output: out<{ drafts: CriteriaDraftSummary[] }>() },
  /** A blank draft for a year, or a copy of an installed set ("Sao chép để sửa"; the shipped samples are installed sets). */
  'criteriaDrafts:create': {
    input: z.strictObject({
      from: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('blank'), year: z.number().int().min(2000).max(2100) }),
        z.strictObject({ kind: z.literal('set'), hash: z.string().regex(SHA256_HEX) }),
      ]),
    }),
    output: out<CriteriaDraftView>(),
  },
  'criteriaDrafts:get': { input: z.strictObject({ id: draftId }), output: out<CriteriaDraftView>() },
  /** The whole body at every change (one small write); the newest save wins. */
  'criteriaDrafts:save': {
    input: z.strictObject({ id: draftId, body: criteriaDraftSchema }),
    output: out<CriteriaDraftSummary>(),
  },
  'criteriaDrafts:delete': { input: z.strictObject({ id: draftId }), output: out<{ deleted: true }>() },
  /** "Ban hành / Cài đặt": validates the saved draft and installs it as a criteria set (the draft stays). */
  'criteriaDrafts:install': {
    input: z.strictObject({ id: draftId, confirmNewVersion: z.boolean() }),
    output: out<{ summary: CriteriaSetSummary; alreadyInstalled: boolean }>(),
  },
} as const;
