/** `par export-report --data <dir> --assessment <id> --out <file.docx|.pdf> [--final]`: writes the
 *  report of an assessment from a data folder (the app's, by default). */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure } from '../../shared/api/result';
import { createAppContext } from '../startup/app-context';
import { activeDataDir } from '../startup/data-folder-choice';
import { writeFileAtomic } from '../disk/atomic-write';
import { produceReport, type ProducedReport, type ReportRequest } from '../report/export-report';
import type { ReportFormat } from '../report/report-file-name';
import { databasePath } from '../store/open';
import { EXIT_OK, UsageError, UserError, type CliIo } from './io';

export const EXPORT_REPORT_USAGE =
  'Cách dùng: par export-report [--data <thư-mục-dữ-liệu>] --assessment <mã-kỳ-đánh-giá> --out <tệp.docx|tệp.pdf> [--final]';

interface ExportArgs {
  dataDir: string;
  out: string;
  request: ReportRequest;
}

function parseOptions(args: string[]): { data?: string; assessment?: string; out?: string; final: boolean } {
  try {
    const { values } = parseArgs({
      args,
      options: { data: { type: 'string' }, assessment: { type: 'string' }, out: { type: 'string' }, final: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    });
    return { ...values, final: values.final ?? false };
  } catch (err) {
    throw new UsageError(`Tham số không hợp lệ (${err instanceof Error ? err.message : String(err)}).\n${EXPORT_REPORT_USAGE}`);
  }
}

function formatOf(out: string): ReportFormat {
  const ext = path.extname(out).toLowerCase();
  if (ext === '.docx' || ext === '.pdf') return ext === '.docx' ? 'docx' : 'pdf';
  throw new UsageError(`Tệp kết quả phải có đuôi .docx hoặc .pdf: "${out}".\n${EXPORT_REPORT_USAGE}`);
}

export function parseExportArgs(args: string[], env: NodeJS.ProcessEnv = process.env): ExportArgs {
  const o = parseOptions(args);
  if (!o.assessment || !o.out) throw new UsageError(`Thiếu --assessment hoặc --out.\n${EXPORT_REPORT_USAGE}`);
  if (!/^[1-9]\d{0,9}$/.test(o.assessment)) throw new UsageError(`Mã kỳ đánh giá phải là số nguyên dương: "${o.assessment}".\n${EXPORT_REPORT_USAGE}`);
  const format = formatOf(o.out);
  const dataDir = o.data ? path.resolve(o.data) : activeDataDir(env);
  return { dataDir, out: path.resolve(o.out), request: { assessmentId: Number(o.assessment), final: o.final, format } };
}

async function produceFromDataDir(a: ExportArgs): Promise<ProducedReport> {
  if (!fs.existsSync(databasePath(a.dataDir))) throw new UserError(`Không tìm thấy dữ liệu của ứng dụng trong thư mục "${a.dataDir}".`);
  try {
    const ctx = createAppContext({ dataDir: a.dataDir, mode: 'cli', installSamples: false });
    try {
      return await produceReport(ctx.db, a.request, ctx.now());
    } finally {
      ctx.close();
    }
  } catch (err) {
    if (err instanceof AppFailure) throw new UserError(err.message);
    throw err;
  }
}

async function writeOut(file: string, bytes: Buffer): Promise<void> {
  try {
    await writeFileAtomic(file, bytes);
  } catch (err) {
    if (err instanceof AppFailure) throw new UserError(err.message);
    const reason = err instanceof Error ? err.message : String(err);
    throw new UserError(`Không ghi được tệp "${file}": ${reason}`);
  }
}

export async function exportReportCommand(args: string[], io: CliIo): Promise<number> {
  const a = parseExportArgs(args);
  const report = await produceFromDataDir(a);
  await writeOut(a.out, report.bytes);
  io.out.write(`Đã xuất báo cáo: ${a.out} (${report.bytes.length} byte)${report.draft ? ', bản DỰ THẢO' : ''}\n`);
  for (const line of report.missing) io.out.write(`  - ${line}\n`);
  return EXIT_OK;
}
