/** The one error path of every adapter (dispatch for channels, the byte routes for uploads): a
 *  use case's value becomes `{ ok: true, value }`, an AppFailure its code and Vietnamese message,
 *  a full disk or a read-only folder its Vietnamese DISK_FULL/READ_ONLY, anything else is logged here and answered with a plain message, never a stack trace. */
import { AppFailure, type Result } from '../../shared/api/result';
import { storageFailure } from '../store/storage-errors';

export const INTERNAL_MESSAGE = 'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa bị thay đổi.';

export async function resultOf<T>(label: string, run: () => T | Promise<T>, internalMessage = INTERNAL_MESSAGE): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof AppFailure) return { ok: false, error: err.toError() };
    const storage = storageFailure(err);
    if (storage) return { ok: false, error: storage.toError() };
    console.error(`${label} failed:`, err);
    return { ok: false, error: { code: 'INTERNAL', message: internalMessage } };
  }
}
