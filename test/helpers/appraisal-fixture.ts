/** A submitted assessment of the department sample set, appraisal files for it, and the upload
 *  of such a file through the real byte route (main/transfer/appraisal-upload.ts). */
import { submitAssessment } from '../../main/lifecycle/submit';
import { uploadAppraisal } from '../../main/transfer/appraisal-upload';
import type { AppraisalImportResult } from '../../shared/api/channels/appraisal';
import type { Result } from '../../shared/api/result';
import type { Harness } from './app-harness';
import { departmentAssessment, type ReportAssessment } from './report-assessment';
import { makePdf } from './sample-documents';

/** Complete, locked and submitted with a signed PDF. */
export async function submittedAssessment(h: Harness): Promise<ReportAssessment & { setHash: string }> {
  const a = await departmentAssessment(h, { complete: true });
  await h.call('assessments:setStatus', { assessmentId: a.assessmentId, status: 'final' });
  async function* source() {
    yield makePdf('bao cao da ky');
  }
  await submitAssessment(h.ctx.db, h.dataDir, { assessmentId: a.assessmentId, fileName: 'bao-cao-da-ky.pdf', sentOn: '2027-01-10', docNumber: '12/BC-SNV', docDate: '2027-01-08', source: source() }, h.ctx.now());
  const setHash = (await h.call('assessments:open', { assessmentId: a.assessmentId })).assessment.setHash;
  return { ...a, setHash };
}

export const SURVEY_CODES = ['2.4', '8.1.1', '8.1.2', '8.1.3', '8.1.4', '8.2.1', '8.2.2', '8.2.3', '8.2.4', '8.2.5'];

/** A first-round appraisal with two requests (explain 1.1.1, add evidence 1.4.2), one changed score and no survey points. */
export function appraisalDoc(setHash: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'par-appraisal/v1',
    agency: { name: 'SỞ NỘI VỤ', abbreviation: 'SNV' },
    year: 2026,
    setHash,
    round: 1,
    appraisedOn: '2027-01-20',
    council: 'Hội đồng thẩm định',
    criteria: [
      { code: '1.1.1', points: 0.5, comment: 'Kế hoạch ban hành chậm.', request: 'explain', deadline: '2027-02-05' },
      { code: '1.4.2', comment: 'Thiếu tin, bài đã đăng.', request: 'add-evidence', deadline: '2027-02-05' },
      { code: '1.6', points: 0, comment: 'Quy chế thi đua chưa có nội dung CCHC.' },
    ],
    ...extra,
  };
}

export const jsonBytes = (doc: unknown): Buffer => Buffer.from(JSON.stringify(doc, null, 2), 'utf8');

export async function upload(h: Harness, assessmentId: number, fileName: string, bytes: Buffer): Promise<Result<AppraisalImportResult>> {
  async function* body() {
    yield bytes;
  }
  return uploadAppraisal(h.ctx, new URLSearchParams({ assessmentId: String(assessmentId), fileName }), body(), new AbortController().signal);
}
