/**
 * "Kiểm tra gói" and "Nhập gói" for a package the officer picks: the page streams the .zip here
 * (web bridge or app:// protocol), it lands in <data>/incoming/ on the local disk (never opened
 * in place from a USB stick), is verified or imported, and the copy is removed again. "Nhập gói"
 * inspects the file once and imports a full package or a response package ("gói giải trình",
 * recorded into the assessment it answers for); the result says which (`kind`).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PackageUploadImportResult } from '../../shared/api/channels/package';
import type { Result } from '../../shared/api/result';
import { AppFailure } from '../../shared/api/result';
import type { HandlerContext } from '../context/handler-context';
import { importPackageFile } from '../package/import-package';
import { importResponsePackage } from '../package/import-response';
import { inspectPackage, verifyPackageFile } from '../package/verify-package';
import { resultOf } from '../api/result-of';

export const PACKAGE_UPLOAD_PATH = '/upload/package';
/** A package holds at most the evidence of one assessment; larger uploads are refused early. */
export const MAX_PACKAGE_BYTES = 8 * 1024 ** 3;

function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) done(new AppFailure('TOO_LARGE', `Gói vượt quá giới hạn ${Math.round(max / 1024 ** 3)} GB.`));
      else done(null, chunk);
    },
  });
}

async function receive(ctx: HandlerContext, body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<string> {
  const dir = path.join(ctx.dataDir, 'incoming');
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomBytes(8).toString('hex')}.zip`);
  try {
    await pipeline(body, byteLimit(MAX_PACKAGE_BYTES), fs.createWriteStream(file, { flags: 'wx' }), { signal });
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    if (err instanceof AppFailure) throw err;
    if (signal.aborted) throw new AppFailure('CANCELLED', 'Đã hủy tải gói lên.');
    throw new AppFailure('INVALID_INPUT', 'Không nhận được trọn vẹn tệp gói, hãy thử lại.');
  }
  return file;
}

/** One inspection decides the kind; the chosen importer reuses it (nothing is verified twice). */
async function importEitherKind(ctx: HandlerContext, file: string, overwrite: boolean): Promise<PackageUploadImportResult> {
  const inspection = await inspectPackage(file);
  if (inspection.response) return { kind: 'response', ...(await importResponsePackage(ctx, file, { inspection })) };
  return { kind: 'package', ...(await importPackageFile(ctx, file, { overwrite }, inspection)) };
}

export async function uploadPackage(
  ctx: HandlerContext,
  params: URLSearchParams,
  body: AsyncIterable<Uint8Array>,
  signal: AbortSignal,
): Promise<Result<unknown>> {
  const action = params.get('action');
  if (action !== 'verify' && action !== 'import') return { ok: false, error: { code: 'INVALID_INPUT', message: 'Yêu cầu không hợp lệ.' } };
  const received: { file?: string } = {};
  const run = async () => {
    const file = (received.file = await receive(ctx, body, signal));
    return action === 'verify' ? verifyPackageFile(file) : importEitherKind(ctx, file, params.get('overwrite') === '1');
  };
  try {
    return await resultOf('[upload] package', run, 'Không xử lý được gói. Dữ liệu chưa bị thay đổi.');
  } finally {
    if (received.file) await fs.promises.rm(received.file, { force: true });
  }
}
