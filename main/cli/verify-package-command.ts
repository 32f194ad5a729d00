/** `par verify <goi.zip> [--json]`: recomputes every hash of a submission package (or of a response
 *  package, `par-response/v1`, which it names with its round) and lists the
 *  missing, extra and altered files. Exit 0 only when everything matches; 1 otherwise; 2 usage. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PackageProblemKind, VerifyReport } from '../../shared/api/channels/package';
import { AppFailure } from '../../shared/api/result';
import { formatDecimalVi, formatPercentVi } from '../../shared/format/numbers';
import { verifyPackageFile } from '../package/verify-package';
import { EXIT_OK, EXIT_USER_ERROR, printJson, UsageError, UserError, type CliIo } from './io';

export const VERIFY_USAGE = 'Cách dùng: par verify <goi-ho-so.zip> [--json]';

const KIND_LABELS: Record<PackageProblemKind, string> = {
  refused: 'bị từ chối',
  missing: 'thiếu',
  extra: 'thừa',
  altered: 'bị thay đổi',
  invalid: 'không hợp lệ',
};

function parseVerifyArgs(args: string[]): { file: string; json: boolean } {
  try {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError(`Cần đúng một tệp gói.\n${VERIFY_USAGE}`);
    return { file: path.resolve(positionals[0]!), json: values.json ?? false };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`Tham số không hợp lệ (${err instanceof Error ? err.message : String(err)}).\n${VERIFY_USAGE}`);
  }
}

function summaryLines(report: VerifyReport): string[] {
  const s = report.summary;
  if (!s) return [];
  const t = s.totals;
  const head = s.response ? [`Loại gói: gói giải trình cho vòng thẩm định ${s.response.round} (${s.response.requests} đề nghị).`] : [];
  const totals = t ? [`Tổng điểm: ${formatDecimalVi(t.total)} / ${formatDecimalVi(t.applicableMax)} điểm (${formatPercentVi(t.percent)} %) — ${t.className}`] : [];
  return [
    ...head,
    `Cơ quan: ${s.agencyName} — năm ${s.year}`,
    `Bộ chỉ số: ${s.setTitle} (SHA-256 ${s.setHash.slice(0, 12)}…)`,
    ...totals,
    `Gói tạo lúc ${s.createdAt} bằng ứng dụng phiên bản ${s.appVersion}.`,
  ];
}

export function formatVerifyReport(file: string, report: VerifyReport): string {
  const lines = [`Gói: ${file}`, ...summaryLines(report), `Đã tính lại SHA-256 của ${report.checkedFiles} tệp (${report.checkedBytes.toLocaleString('vi-VN')} byte).`];
  const what = report.summary?.response ? `gói giải trình vòng ${report.summary.response.round}: ` : '';
  if (report.ok) return `${[...lines, `KẾT QUẢ: HỢP LỆ — ${what}mọi tệp khớp với bảng kê manifest.json.`].join('\n')}\n`;
  lines.push(`KẾT QUẢ: KHÔNG HỢP LỆ — ${report.problems.length} vấn đề:`);
  for (const p of report.problems) lines.push(`  - [${KIND_LABELS[p.kind]}] ${p.message}`);
  if (report.missing.length > 0) lines.push(`Tệp thiếu: ${report.missing.join(', ')}`);
  if (report.extra.length > 0) lines.push(`Tệp thừa: ${report.extra.join(', ')}`);
  if (report.altered.length > 0) lines.push(`Tệp bị thay đổi: ${report.altered.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export async function verifyPackageCommand(args: string[], io: CliIo): Promise<number> {
  const a = parseVerifyArgs(args);
  let report: VerifyReport;
  try {
    report = await verifyPackageFile(a.file);
  } catch (err) {
    if (err instanceof AppFailure) throw new UserError(err.message);
    throw err;
  }
  if (a.json) printJson(io, report);
  else (report.ok ? io.out : io.err).write(formatVerifyReport(a.file, report));
  return report.ok ? EXIT_OK : EXIT_USER_ERROR;
}
