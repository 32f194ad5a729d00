/**
 * "Khôi phục từ tệp" in web mode (and a file dropped on the page): the browser streams the archive
 * here (`POST /upload/data-archive?name=…`), it lands in <data>/incoming/ on the local disk, is
 * verified in full and summarised (main/backup/data-folder-app.ts), and waits there by id until
 * the officer restores it or changes their mind; a refused archive is removed at once.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ArchiveInspection } from '../../shared/api/channels/data-folder';
import type { Result } from '../../shared/api/result';
import { AppFailure } from '../../shared/api/result';
import { stageDataArchive } from '../backup/data-folder-app';
import type { HandlerContext } from '../context/handler-context';
import { LIMITS } from '../package/format';
import { resultOf } from '../api/result-of';

function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) done(new AppFailure('TOO_LARGE', `Tệp sao lưu vượt quá giới hạn ${Math.round(max / 1024 ** 3)} GB.`));
      else done(null, chunk);
    },
  });
}

async function receive(ctx: HandlerContext, body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<string> {
  const dir = path.join(ctx.dataDir, 'incoming');
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomBytes(8).toString('hex')}.zip`);
  try {
    await pipeline(body, byteLimit(LIMITS.maxTotalBytes), fs.createWriteStream(file, { flags: 'wx' }), { signal });
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    if (err instanceof AppFailure) throw err;
    if (signal.aborted) throw new AppFailure('CANCELLED', 'Đã hủy tải tệp sao lưu lên; không có gì được ghi.');
    throw new AppFailure('INVALID_INPUT', 'Không nhận được trọn vẹn tệp sao lưu, hãy thử lại.');
  }
  return file;
}

/** The name shown to the officer: the browser's file name, without any folder part. */
function displayName(params: URLSearchParams): string {
  const raw = (params.get('name') ?? '').split(/[\\/]/).pop() ?? '';
  return raw.length > 0 && raw.length <= 255 ? raw : 'tep-sao-luu.zip';
}

export function uploadDataArchive(ctx: HandlerContext, params: URLSearchParams, body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<Result<ArchiveInspection>> {
  return resultOf('[upload] data archive', async () => stageDataArchive(ctx, await receive(ctx, body, signal), displayName(params), true), 'Không đọc được tệp sao lưu. Dữ liệu hiện tại không bị thay đổi.');
}
