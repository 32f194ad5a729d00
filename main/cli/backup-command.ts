/** `par backup [--data <thư-mục>] --out <tệp.zip>`: the whole-folder archive (par-data-archive/v1)
 *  of a data folder, under the folder's lock. `par restore <tệp.zip> --data <thư-mục>`: that
 *  archive, verified in full, into a new or empty folder. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure } from '../../shared/api/result';
import { restoreDataArchive } from '../backup/restore-archive';
import { writeDataArchive } from '../backup/write-archive';
import { createAppContext } from '../startup/app-context';
import { activeDataDir } from '../startup/data-folder-choice';
import { databasePath } from '../store/open';
import { EXIT_OK, UsageError, UserError, type CliIo } from './io';

export const BACKUP_USAGE = 'Cách dùng: par backup [--data <thư-mục-dữ-liệu>] --out <tep-sao-luu.zip>';
export const RESTORE_USAGE = 'Cách dùng: par restore <tep-sao-luu.zip> --data <thư-mục-trống-hoặc-mới>';

const size = (bytes: number): string => `${bytes.toLocaleString('vi-VN')} byte`;

function parse(args: string[], usage: string, positionals: number): { values: { data?: string; out?: string }; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { data: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(`Tham số không hợp lệ (${err instanceof Error ? err.message : String(err)}).\n${usage}`);
  }
  if (parsed.positionals.length !== positionals) throw new UsageError(`${positionals === 1 ? 'Cần đúng một tệp sao lưu.' : 'Lệnh này không nhận tham số vị trí.'}\n${usage}`);
  return parsed;
}

const asUserError = (err: unknown): unknown => (err instanceof AppFailure ? new UserError(err.message) : err);

export async function backupCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parse(args, BACKUP_USAGE, 0);
  if (!values.out) throw new UsageError(`Thiếu --out.\n${BACKUP_USAGE}`);
  if (path.extname(values.out).toLowerCase() !== '.zip') throw new UsageError(`Tệp sao lưu phải có đuôi .zip: "${values.out}".\n${BACKUP_USAGE}`);
  const dataDir = values.data ? path.resolve(values.data) : activeDataDir(env);
  const out = path.resolve(values.out);
  if (!fs.existsSync(databasePath(dataDir))) throw new UserError(`Không tìm thấy dữ liệu của ứng dụng trong thư mục "${dataDir}".`);
  const ctx = createAppContext({ dataDir, mode: 'cli', installSamples: false });
  try {
    const a = await writeDataArchive(ctx.db, ctx.dataDir, ctx.now(), out);
    io.out.write(`Đã ghi tệp sao lưu toàn bộ dữ liệu: ${a.file} (${size(a.size)}; cơ sở dữ liệu và ${a.evidenceFiles} tệp kiểm chứng, ${size(a.evidenceBytes)}).\n`);
    return EXIT_OK;
  } catch (err) {
    throw asUserError(err);
  } finally {
    ctx.close();
  }
}

export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, RESTORE_USAGE, 1);
  if (values.out) throw new UsageError(`Lệnh restore không nhận --out.\n${RESTORE_USAGE}`);
  if (!values.data) throw new UsageError(`Thiếu --data (thư mục trống hoặc thư mục mới để khôi phục vào).\n${RESTORE_USAGE}`);
  try {
    const r = await restoreDataArchive(path.resolve(positionals[0]!), path.resolve(values.data));
    io.out.write(`Đã khôi phục dữ liệu (sao lưu lúc ${r.createdAt}) vào ${r.dataDir}: cơ sở dữ liệu và ${r.evidenceFiles} tệp kiểm chứng (${size(r.bytes)}), mọi mã SHA-256 đã được kiểm tra.\n`);
    return EXIT_OK;
  } catch (err) {
    throw asUserError(err);
  }
}
