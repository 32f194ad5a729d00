/** What a started file transfer looks like to the upload queue, whatever carries the bytes: a
 *  browser upload (upload.ts) or an import by main of a file picked on the desktop (picked-import.ts).
 *  Plain types, no DOM: the queue and its unit tests use them. */
import type { ImportedFile } from '../../shared/api/evidence-entities';
import type { Result } from '../../shared/api/result';

export interface UploadProgress {
  /** Bytes sent (or read by main) so far. */
  loaded: number;
  total: number;
}

export interface UploadHandle<T = ImportedFile> {
  /** Settles once: the backend's answer, or a failure for a network error or abort (never rejects). */
  promise: Promise<Result<T>>;
  abort(): void;
}

export interface UploadCallbacks {
  onProgress?: (progress: UploadProgress) => void;
  /** Every byte has been read; the backend is now hashing and storing the file. */
  onSent?: () => void;
}
