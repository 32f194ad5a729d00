/** `par export-package [--data <thư-mục>] --assessment <mã> --out <goi.zip>`: writes the submission
 *  package of an assessment (streaming, atomic). */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure } from '../../shared/api/result';
import { createAppContext } from '../startup/app-context';
import { activeDataDir } from '../startup/data-folder-choice';
import { exportPackage } from '../package/export-package';
import { databasePath } from '../store/open';
import { EXIT_OK, UsageError, UserError, type CliIo } from './io';

export const EXPORT_PACKAGE_USAGE = 'Cách dùng: par export-package [--data <thư-mục-dữ-liệu>] --assessment <mã-kỳ-đánh-giá> --out <goi-ho-so.zip>';

function parseExportArgs(args: string[], env: NodeJS.ProcessEnv): { dataDir: string; assessmentId: number; out: string } {
  let values: { data?: string; assessment?: string; out?: string };
  try {
    values = parseArgs({ args, options: { data: { type: 'string' }, assessment: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(`Tham số không hợp lệ (${err instanceof Error ? err.message : String(err)}).\n${EXPORT_PACKAGE_USAGE}`);
  }
  if (!values.assessment || !values.out) throw new UsageError(`Thiếu --assessment hoặc --out.\n${EXPORT_PACKAGE_USAGE}`);
  if (!/^[1-9]\d{0,9}$/.test(values.assessment)) throw new UsageError(`Mã kỳ đánh giá phải là số nguyên dương: "${values.assessment}".\n${EXPORT_PACKAGE_USAGE}`);
  if (path.extname(values.out).toLowerCase() !== '.zip') throw new UsageError(`Tệp kết quả phải có đuôi .zip: "${values.out}".\n${EXPORT_PACKAGE_USAGE}`);
  return { dataDir: values.data ? path.resolve(values.data) : activeDataDir(env), assessmentId: Number(values.assessment), out: path.resolve(values.out) };
}

export async function exportPackageCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const a = parseExportArgs(args, env);
  if (!fs.existsSync(databasePath(a.dataDir))) throw new UserError(`Không tìm thấy dữ liệu của ứng dụng trong thư mục "${a.dataDir}".`);
  const ctx = createAppContext({ dataDir: a.dataDir, mode: 'cli', installSamples: false });
  try {
    const p = await exportPackage(ctx.db, ctx.dataDir, a.assessmentId, ctx.now(), { file: a.out });
    io.out.write(`Đã xuất gói hồ sơ: ${p.file} (${p.size.toLocaleString('vi-VN')} byte, ${p.evidenceFiles} tệp kiểm chứng)${p.reportDraft ? ', báo cáo là bản DỰ THẢO' : ''}\n`);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof AppFailure) throw new UserError(err.message);
    throw err;
  } finally {
    ctx.close();
  }
}
