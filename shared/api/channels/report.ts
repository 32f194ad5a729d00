/** Report channels (the signature-ready .docx / .pdf). Merged into the contract in shared/api/contract.ts. */
import { z } from 'zod';
import { parseIsoDate } from '../../format/dates';
import { out } from '../phantom';
import type { ReportExport, ReportSettings } from '../report-entities';

const assessmentId = z.number().int().positive();

function isCalendarDate(text: string): boolean {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

const singleLine = (max: number, what: string) =>
  z.string().max(max, `${what} tối đa ${max} ký tự`).regex(/^[^\r\n]*$/, `${what} chỉ gồm một dòng`);

export const reportSettingsInputSchema = z.strictObject({
  docNumber: singleLine(20, 'Số văn bản'),
  docSymbol: singleLine(40, 'Ký hiệu văn bản'),
  reportDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày báo cáo có dạng YYYY-MM-DD')
    .refine(isCalendarDate, 'Ngày báo cáo không có thật')
    .nullable(),
  difficulties: z.string().max(20_000, 'Phần khó khăn, kiến nghị tối đa 20.000 ký tự'),
  recipients: z.array(singleLine(200, 'Mỗi dòng nơi nhận')).max(30, 'Nơi nhận tối đa 30 dòng'),
});
export type ReportSettingsInput = z.infer<typeof reportSettingsInputSchema>;

export const reportChannels = {
  'report:getSettings': { input: z.strictObject({ assessmentId }), output: out<ReportSettings>() },
  'report:saveSettings': {
    input: z.strictObject({ assessmentId, settings: reportSettingsInputSchema }),
    output: out<ReportSettings>(),
  },
  /** Writes the report under <data>/exports/; a final export of an incomplete assessment is refused.
   *  `withAppraisal`: the final report of the year with self and appraised scores side by side
   *  (refused when no appraisal was imported). */
  'report:export': {
    input: z.strictObject({ assessmentId, final: z.boolean(), format: z.enum(['docx', 'pdf']), withAppraisal: z.boolean().optional() }),
    output: out<ReportExport>(),
  },
} as const;
