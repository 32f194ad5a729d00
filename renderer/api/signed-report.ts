/** "Nộp báo cáo": the signed report streamed to `POST /upload/signed-report` with the submission's
 *  details in the query string (shared/api/channels/history.ts `submitParamsSchema`). */
import type { LifecycleView } from '../../shared/api/channels/history';
import { uploadRaw, type UploadHandle, type UploadMessages } from './upload';

export const SIGNED_REPORT_UPLOAD_URL = '/upload/signed-report';

export interface SubmitDetails {
  assessmentId: number;
  sentOn: string;
  docNumber: string;
  docDate: string;
}

export function submitSignedReport(file: File, d: SubmitDetails, messages: UploadMessages): UploadHandle<LifecycleView> {
  const params = new URLSearchParams({ assessmentId: String(d.assessmentId), fileName: file.name, sentOn: d.sentOn, docNumber: d.docNumber, docDate: d.docDate });
  return uploadRaw<LifecycleView>(`${SIGNED_REPORT_UPLOAD_URL}?${params.toString()}`, file, messages);
}
