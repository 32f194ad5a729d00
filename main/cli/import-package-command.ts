/** `par import-package [--data <thư-mục>] [--overwrite] <goi.zip>`: verifies a submission package
 *  (or a response package, `par-response/v1`, recorded into the assessment it answers for)
 *  and brings it into a data folder (created when missing). Importing it again changes nothing;
 *  an existing assessment with other content is replaced only with --overwrite. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PackageImportResult, ResponseImportResult } from '../../shared/api/channels/package';
import { AppFailure } from '../../shared/api/result';
import { createAppContext } from '../startup/app-context';
import { activeDataDir } from '../startup/data-folder-choice';
import { importPackageFile } from '../package/import-package';
import { importResponsePackage } from '../package/import-response';
import { inspectPackage } from '../package/verify-package';
import { EXIT_OK, UsageError, UserError, type CliIo } from './io';

export const IMPORT_PACKAGE_USAGE = 'Cách dùng: par import-package [--data <thư-mục-dữ-liệu>] [--overwrite] <goi-ho-so.zip>';

function parseImportArgs(args: string[], env: NodeJS.ProcessEnv): { dataDir: string; file: string; overwrite: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { data: { type: 'string' }, overwrite: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new UsageError(`Cần đúng một tệp gói.\n${IMPORT_PACKAGE_USAGE}`);
    return { dataDir: values.data ? path.resolve(values.data) : activeDataDir(env), file: path.resolve(positionals[0]!), overwrite: values.overwrite ?? false };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`Tham số không hợp lệ (${err instanceof Error ? err.message : String(err)}).\n${IMPORT_PACKAGE_USAGE}`);
  }
}

function describe(r: PackageImportResult): string {
  if (r.unchanged) return `Gói đã được nhập trước đây; dữ liệu không thay đổi (kỳ đánh giá số ${r.assessmentId}).\n`;
  const c = r.created;
  const parts = [
    c.agency ? 'tạo cơ quan mới' : 'dùng cơ quan đã có',
    c.criteriaSet ? 'cài bộ chỉ số' : 'bộ chỉ số đã có',
    r.overwritten ? 'ghi đè kỳ đánh giá đã có' : c.assessment ? 'tạo kỳ đánh giá' : 'kỳ đánh giá đã có',
    `${c.answers} câu trả lời`,
    `${c.items} tài liệu kiểm chứng mới (${c.files} tệp)`,
    `${c.links} liên kết`,
  ];
  return `Đã nhập gói: ${parts.join(', ')}. Mã kỳ đánh giá: ${r.assessmentId}.\n`;
}

function describeResponse(r: ResponseImportResult): string {
  if (r.unchanged) return `Gói giải trình vòng ${r.round} đã được nhập trước đây; dữ liệu không thay đổi (kỳ đánh giá số ${r.assessmentId}).\n`;
  const c = r.created;
  return `Đã nhập gói giải trình vòng ${r.round}: ${c.explanations} giải trình, ${c.items} tài liệu mới (${c.files} tệp), ${c.links} tài liệu gắn vào câu trả lời. Mã kỳ đánh giá: ${r.assessmentId}.\n`;
}

export async function importPackageCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const a = parseImportArgs(args, env);
  const ctx = createAppContext({ dataDir: a.dataDir, mode: 'cli' });
  try {
    const inspection = await inspectPackage(a.file);
    if (inspection.response) io.out.write(describeResponse(await importResponsePackage(ctx, a.file, { inspection })));
    else io.out.write(describe(await importPackageFile(ctx, a.file, { overwrite: a.overwrite }, inspection)));
    return EXIT_OK;
  } catch (err) {
    if (err instanceof AppFailure) {
      const details = (err.extra.issues ?? []).slice(1).map((i) => `\n  - ${i.message}`).join('');
      const hint = err.code === 'NEEDS_CONFIRMATION' ? '\nDùng --overwrite để ghi đè.' : '';
      throw new UserError(`${err.message}${details}${hint}`);
    }
    throw err;
  } finally {
    ctx.close();
  }
}
