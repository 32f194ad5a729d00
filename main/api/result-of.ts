/** The one error path of every adapter (dispatch for channels, the byte routes for uploads): a
 *  use case's value becomes `{ ok: true, value }`, an AppFailure its code and Vietnamese message,
 *  anything else is logged here and answered with a plain message, never a stack trace. */
import { AppFailure, type Result } from '../../shared/api/result';

export const INTERNAL_MESSAGE = 'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa bị thay đổi.';

export async function resultOf<T>(label: string, run: () => T | Promise<T>, internalMessage = INTERNAL_MESSAGE): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof AppFailure) return { ok: false, error: err.toError() };
    console.error(`${label} failed:`, err);
    return { ok: false, error: { code: 'INTERNAL', message: internalMessage } };
  }
}
