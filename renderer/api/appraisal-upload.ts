/** "Nhập kết quả thẩm định": the council's file (JSON or the filled .xlsx form) streamed to
 *  `POST /upload/appraisal?assessmentId=…&fileName=…` (main/transfer/appraisal-upload.ts). */
import type { AppraisalImportResult } from '../../shared/api/channels/appraisal';
import { uploadRaw, type UploadHandle, type UploadMessages } from './upload';

export const APPRAISAL_UPLOAD_URL = '/upload/appraisal';

export function importAppraisalFile(file: File, assessmentId: number, messages: UploadMessages): UploadHandle<AppraisalImportResult> {
  const params = new URLSearchParams({ assessmentId: String(assessmentId), fileName: file.name });
  return uploadRaw<AppraisalImportResult>(`${APPRAISAL_UPLOAD_URL}?${params.toString()}`, file, messages);
}
