/** The `par-data-archive/v1` layout: manifest.json, par.sqlite (a checked copy of the database) and
 *  evidence/blobs/<2 hex>/<sha-256>, the data folder's own layout, so restoring is a straight copy.
 *  The manifest is a strict schema; every listed path is one of those two shapes. */
import { z } from 'zod';
import { DATA_ARCHIVE_FORMAT } from '../../shared/api/channels/data-archive';
import { SHA256_HEX } from '../../shared/domain/sha256';
import { LIMITS } from '../package/format';

export { DATA_ARCHIVE_FORMAT };

export const ARCHIVE_DATABASE_PATH = 'par.sqlite';
const BLOB_ENTRY = /^evidence\/blobs\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export const archiveBlobPath = (hash: string): string => `evidence/blobs/${hash.slice(0, 2)}/${hash}`;

/** The hash a blob entry is named after, or null when the path is not a blob entry. */
export function blobHashOfPath(entryPath: string): string | null {
  const m = BLOB_ENTRY.exec(entryPath);
  return m && m[2]!.startsWith(m[1]!) ? m[2]! : null;
}

const sha256 = z.string().regex(SHA256_HEX, 'mã SHA-256 phải gồm 64 chữ số hex viết thường');

export const archiveManifestSchema = z.strictObject({
  format: z.literal(DATA_ARCHIVE_FORMAT),
  createdAt: z.string().min(1).max(40),
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(40) }),
  /** PRAGMA user_version of the database copy. */
  databaseVersion: z.number().int().min(1).max(100_000),
  files: z.array(z.strictObject({ path: z.string().min(1).max(LIMITS.maxNameBytes), size: z.number().int().min(0).max(LIMITS.maxEntryBytes), sha256 })).max(LIMITS.maxEntries),
});
export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;

export const archiveMsg = {
  isPackage: () => 'Tệp này là gói hồ sơ nộp Sở Nội vụ (par-package/v1), không phải tệp sao lưu toàn bộ dữ liệu. Hãy mở nó bằng "Nhập gói" ở màn hình gói hồ sơ.',
  unknownFormat: (f: string) => `Tệp theo định dạng ${JSON.stringify(f)} mà phiên bản ứng dụng này không đọc được (chỉ nhận "${DATA_ARCHIVE_FORMAT}"). Hãy cập nhật ứng dụng.`,
  manifestMissing: () => 'Tệp không có manifest.json (bảng kê các tệp), không phải tệp sao lưu toàn bộ dữ liệu của ứng dụng.',
  manifestInvalid: (detail: string) => `Bảng kê manifest.json của tệp sao lưu không hợp lệ: ${detail}`,
  unexpectedPath: (p: string) => `manifest.json liệt kê ${JSON.stringify(p)}, không thuộc cấu trúc tệp sao lưu toàn bộ dữ liệu.`,
  duplicate: (p: string) => `manifest.json liệt kê ${JSON.stringify(p)} hai lần.`,
  noDatabase: () => 'Tệp sao lưu không có cơ sở dữ liệu par.sqlite.',
  blobNameDiffers: (p: string) => `Tệp kiểm chứng ${JSON.stringify(p)} mang tên không khớp với mã SHA-256 của nó trong manifest.json.`,
  refused: (first: string, more: number) => `Tệp sao lưu bị từ chối, không có gì được ghi: ${first}${more > 0 ? ` (và ${more} lỗi khác)` : ''}`,
};
