/** The Vietnamese messages an evidence import can end with, one function per failure. */
import { AppFailure } from '../../shared/api/result';

const MIB = 1024 * 1024;

/** 500 MiB → "500 MB", 1.5 MiB → "1,5 MB" (the officer's unit; Vietnamese decimal comma). */
export function megabytes(bytes: number): string {
  const mb = bytes / MIB;
  const text = Number.isInteger(mb) ? String(mb) : mb.toFixed(mb < 10 ? 1 : 0).replace('.', ',');
  return `${text} MB`;
}

export const itemNotFound = (): AppFailure => new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng để đính kèm tệp.');

export const sourceNotFound = (name: string): AppFailure => new AppFailure('NOT_FOUND', `Không tìm thấy tệp "${name}".`);

export const notAFile = (name: string): AppFailure => new AppFailure('INVALID_INPUT', `"${name}" không phải là một tệp.`);

export const emptyFile = (): AppFailure => new AppFailure('EMPTY_FILE', 'Tệp rỗng (0 byte), không thể đính kèm.');

export const tooLarge = (maxBytes: number): AppFailure =>
  new AppFailure('TOO_LARGE', `Tệp vượt quá giới hạn ${megabytes(maxBytes)}. Hãy chia nhỏ hoặc nén tệp rồi thử lại.`);

export const unsupportedType = (message: string): AppFailure => new AppFailure('UNSUPPORTED_TYPE', message);

export function diskFull(needed?: number, available?: number): AppFailure {
  const detail = needed !== undefined && available !== undefined ? ` (cần khoảng ${megabytes(needed)}, còn ${megabytes(available)})` : '';
  return new AppFailure('DISK_FULL', `Ổ đĩa không đủ chỗ trống để lưu tệp${detail}. Hãy giải phóng dung lượng rồi thử lại.`);
}

export const cancelled = (): AppFailure => new AppFailure('CANCELLED', 'Đã hủy đính kèm tệp; không có gì được lưu.');

export const fileChanged = (): AppFailure => new AppFailure('FILE_CHANGED', 'Tệp đã thay đổi hoặc bị xóa trong khi đọc, hãy thử lại.');

export const blobVanished = (): AppFailure =>
  new AppFailure('CONFLICT', 'Kho tệp vừa được dọn dẹp đúng lúc đính kèm tệp này; hãy thử lại.');

const errnoCode = (err: unknown): string | undefined =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

export const isDiskFullError = (err: unknown): boolean => errnoCode(err) === 'ENOSPC' || errnoCode(err) === 'EDQUOT';
export const isMissingFileError = (err: unknown): boolean => errnoCode(err) === 'ENOENT';
