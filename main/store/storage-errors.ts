/**
 * What the disk and SQLite say when they cannot keep a change, in words an officer can act on.
 * Used by dispatch (every channel), the byte routes, backups and start-up, so a full disk or a
 * read-only folder never reaches the screen as "lỗi không mong muốn" or raw English.
 * SQLite rolls back the statement or transaction that failed: nothing was changed.
 */
import { AppFailure } from '../../shared/api/result';
import { sqliteCode } from './statements';

const errno = (err: unknown): string | undefined =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' && !err.code.startsWith('SQLITE_') ? err.code : undefined;

export const DISK_FULL_MESSAGE =
  'Ổ đĩa chứa dữ liệu đã đầy nên thay đổi vừa rồi chưa được lưu (dữ liệu cũ vẫn nguyên vẹn). Hãy xóa bớt tệp không cần thiết hoặc chuyển thư mục dữ liệu sang ổ đĩa khác rồi thử lại.';

export function readOnlyMessage(where: string): string {
  return (
    `${where} chỉ cho phép đọc nên ứng dụng không ghi được (dữ liệu không bị thay đổi). ` +
    'Hãy kiểm tra quyền ghi của thư mục (hoặc bỏ thuộc tính "Chỉ đọc" của tệp), hoặc chọn thư mục dữ liệu khác, rồi mở lại ứng dụng.'
  );
}

export const DAMAGED_MESSAGE =
  'Tệp dữ liệu par.sqlite bị hỏng nên không đọc được. Hãy đóng ứng dụng và mở lại: ứng dụng sẽ cất tệp hỏng sang thư mục recovery và đề nghị khôi phục từ bản sao lưu gần nhất.';

/** A storage problem as an AppFailure, or undefined when `err` is something else. */
export function storageFailure(err: unknown, where = 'Thư mục dữ liệu'): AppFailure | undefined {
  const failure = classify(err, where);
  // The original error stays reachable for logs and tests (the officer sees only the message).
  if (failure) Object.defineProperty(failure, 'cause', { value: err, enumerable: false });
  return failure;
}

function classify(err: unknown, where: string): AppFailure | undefined {
  const sqlite = sqliteCode(err);
  const code = errno(err);
  if (sqlite === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new AppFailure('DISK_FULL', DISK_FULL_MESSAGE);
  if (sqlite?.startsWith('SQLITE_READONLY') || sqlite === 'SQLITE_CANTOPEN' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppFailure('READ_ONLY', readOnlyMessage(where));
  if (sqlite === 'SQLITE_CORRUPT' || sqlite === 'SQLITE_NOTADB' || sqlite?.startsWith('SQLITE_CORRUPT')) return new AppFailure('DATABASE_DAMAGED', DAMAGED_MESSAGE);
  return undefined;
}
