/** "Khôi phục từ tệp" in web mode: the archive the officer picks is streamed to
 *  `POST /upload/data-archive?name=…`, verified and summarised by the backend, which keeps it by
 *  id until it is restored or discarded (shared/api/channels/data-folder.ts). */
import { DATA_ARCHIVE_UPLOAD_PATH, type ArchiveInspection } from '../../shared/api/channels/data-folder';
import { uploadRaw, type UploadCallbacks, type UploadHandle, type UploadMessages } from './upload';

export function uploadDataArchive(file: File, messages: UploadMessages, callbacks: UploadCallbacks = {}): UploadHandle<ArchiveInspection> {
  return uploadRaw<ArchiveInspection>(`${DATA_ARCHIVE_UPLOAD_PATH}?${new URLSearchParams({ name: file.name }).toString()}`, file, messages, callbacks);
}
