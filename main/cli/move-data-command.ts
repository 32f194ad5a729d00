/** `par move-data [--data <thư-mục>] --to <thư-mục-mới>`: moves the data folder (e.g. to D:\ when
 *  C:\ is small) under the folder's lock, verified before anything changes; then records the new
 *  folder as the chosen one (the app, `npm run web` and the other commands use it from then on)
 *  and leaves the old folder as it was, with a note. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure } from '../../shared/api/result';
import { leaveMovedNote, MOVED_NOTE, moveDataFolder } from '../backup/move-data-folder';
import { createAppContext } from '../startup/app-context';
import { activeDataDir, dataFolderSettingsFile, writeChosenDataDir } from '../startup/data-folder-choice';
import { databasePath } from '../store/open';
import { EXIT_OK, UsageError, UserError, type CliIo } from './io';

export const MOVE_DATA_USAGE = 'Cách dùng: par move-data [--data <thư-mục-dữ-liệu-hiện-tại>] --to <thư-mục-mới-trống>';

function parseMoveArgs(args: string[], env: NodeJS.ProcessEnv): { from: string; to: string } {
  let values: { data?: string; to?: string };
  try {
    values = parseArgs({ args, options: { data: { type: 'string' }, to: { type: 'string' } }, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(`Tham số không hợp lệ (${err instanceof Error ? err.message : String(err)}).\n${MOVE_DATA_USAGE}`);
  }
  if (!values.to) throw new UsageError(`Thiếu --to (thư mục mới).\n${MOVE_DATA_USAGE}`);
  return { from: values.data ? path.resolve(values.data) : activeDataDir(env), to: path.resolve(values.to) };
}

export async function moveDataCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const a = parseMoveArgs(args, env);
  if (!fs.existsSync(databasePath(a.from))) throw new UserError(`Không tìm thấy dữ liệu của ứng dụng trong thư mục "${a.from}".`);
  const ctx = createAppContext({ dataDir: a.from, mode: 'cli', installSamples: false });
  let shown = 0;
  try {
    const moved = await moveDataFolder(ctx.db, ctx.dataDir, a.to, (done, total) => {
      const percent = Math.floor((done / Math.max(total, 1)) * 10) * 10;
      if (percent > shown) io.out.write(`Đã chép ${(shown = percent)}%\n`);
    });
    await writeChosenDataDir(moved.to, env);
    await leaveMovedNote(moved.from, moved.to, ctx.now());
    io.out.write(
      `Đã chuyển dữ liệu sang ${moved.to} (${moved.files} tệp và cơ sở dữ liệu, ${moved.bytes.toLocaleString('vi-VN')} byte; đã kiểm tra mọi mã SHA-256 và cơ sở dữ liệu).\n` +
        `Từ lần mở sau, ứng dụng dùng thư mục mới (ghi trong ${dataFolderSettingsFile(env)}).\n` +
        `Thư mục cũ ${moved.from} được giữ nguyên để dự phòng (xem tệp ${MOVED_NOTE}); có thể xóa khi ứng dụng đã chạy tốt trên thư mục mới.\n`,
    );
    if (env.PAR_DATA_DIR) io.out.write(`Lưu ý: biến môi trường PAR_DATA_DIR đang đặt (${env.PAR_DATA_DIR}) và được ưu tiên hơn thư mục đã chọn.\n`);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof AppFailure) throw new UserError(err.message);
    throw err;
  } finally {
    ctx.close();
  }
}
