/** Criteria sets as .xlsx (the documented template). Merged into the contract in shared/api/contract.ts. */
import { z } from 'zod';
import type { CriteriaDiff } from '../../domain/criteria-diff';
import type { CriteriaSetSummary } from '../entities';
import { out } from '../phantom';

/** Above this, a criteria-set workbook is refused unread (a 300-leaf set is about 40 KB). */
export const MAX_CRITERIA_SET_XLSX_BYTES = 20 * 1024 * 1024;

/** .xlsx: the template (read, print, edit, import again); .docx: the appendix table of a decision. */
export type CriteriaSetFileFormat = 'xlsx' | 'docx';

export interface CriteriaSetFileExport {
  fileName: string;
  size: number;
  /** Path the web bridge serves the file at (`exports/<file name>`). */
  downloadPath: string;
}

const setHash = z.string().regex(/^[0-9a-f]{64}$/);
const nodeCode = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,3}$/, 'Mã tiêu chí không hợp lệ');

export const criteriaSetChannels = {
  /** The renderer reads the chosen .xlsx (an <input type=file>) and sends its bytes in base64. */
  'criteriaSets:importXlsx': {
    input: z.strictObject({
      fileName: z.string().max(500),
      dataBase64: z
        .string()
        .max(Math.ceil((MAX_CRITERIA_SET_XLSX_BYTES + 3) / 3) * 4, `Tệp lớn hơn ${MAX_CRITERIA_SET_XLSX_BYTES / 1024 / 1024} MB`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Dữ liệu tệp không hợp lệ'),
      confirmNewVersion: z.boolean(),
    }),
    output: out<{ summary: CriteriaSetSummary; alreadyInstalled: boolean }>(),
  },
  /** Writes an installed set as .xlsx (the template) or .docx (the appendix table) under <data>/exports/. */
  'criteriaSets:export': {
    input: z.strictObject({ hash: setHash, format: z.enum(['xlsx', 'docx']) }),
    output: out<CriteriaSetFileExport>(),
  },
  /** Differences between two installed sets; `mapping` forces old code → new code (null: no counterpart). */
  'criteriaSets:diff': {
    input: z.strictObject({
      fromHash: setHash,
      toHash: setHash,
      mapping: z
        .record(nodeCode, nodeCode.nullable())
        .refine((mapping) => Object.keys(mapping).length <= 1000, 'Tối đa 1000 cặp mã chỉ định'),
    }),
    output: out<CriteriaDiff>(),
  },
} as const;
