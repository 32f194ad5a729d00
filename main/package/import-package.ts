/**
 * Importing a full package into this install (`par import-package` and "Nhập gói"; both send a
 * response package to import-response.ts instead): verify everything first; refuse early what the
 * store would refuse (an existing assessment that says something else without `overwrite`, answers
 * the set rejects); stream the missing evidence straight from the zip into the blob store
 * (durable); then write the database in one transaction. Importing the same package twice changes
 * nothing.
 */
import type { PackageImportResult, VerifyReport } from '../../shared/api/channels/package';
import { AppFailure } from '../../shared/api/result';
import type { HandlerContext } from '../context/handler-context';
import { planImport } from './import-plan';
import { answerPoints, guardExisting, writeImport } from './import-write';
import { stageBlobs } from './stage-blobs';
import { inspectPackage, type Inspection } from './verify-package';
import { oneAtATime } from '../backup/one-at-a-time';
import { createBackup } from '../evidence/backup';

export interface ImportPackageOptions {
  /** The officer confirmed that an existing assessment with other content may be replaced. */
  overwrite: boolean;
}

/** A response package given where a full package is expected: said plainly, nothing changed. */
export function notAFullPackage(round: number): AppFailure {
  return new AppFailure('INVALID_INPUT', `Tệp này là gói giải trình (vòng thẩm định ${round}), không phải gói hồ sơ đầy đủ; nó chỉ nhập được vào kỳ đánh giá đã có trên máy ("Nhập gói" và lệnh par import-package tự nhận ra loại gói). Dữ liệu trên máy không thay đổi.`);
}

const MAX_LISTED_PROBLEMS = 20;

/** A package that did not verify: the first problem in the message, all of them in `issues`. */
export function refusedImport(report: VerifyReport): AppFailure {
  const first = report.problems[0]?.message ?? 'Gói không hợp lệ.';
  const more = report.problems.length > 1 ? ` (và ${report.problems.length - 1} vấn đề khác)` : '';
  return new AppFailure('INVALID_INPUT', `Gói hồ sơ không hợp lệ nên không được nhập; dữ liệu trên máy không thay đổi. ${first}${more}`, {
    issues: report.problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => ({ path: p.path ?? '', message: p.message })),
  });
}

export async function importPackageFile(ctx: HandlerContext, file: string, opts: ImportPackageOptions, inspection?: Inspection): Promise<PackageImportResult> {
  const { report, contents, response } = inspection ?? (await inspectPackage(file));
  if (response) throw notAFullPackage(response.doc.round);
  if (!contents) throw refusedImport(report);
  const { manifest, doc, set, setText } = contents;
  for (const a of doc.answers) answerPoints(set, a.code, a);
  const plan = planImport(ctx.db, manifest, doc);
  guardExisting(plan, manifest, opts.overwrite);
  // A verified backup first: "Hoàn tác lần nhập" restores it (an overwrite replaces answers, links and settings).
  const undo = await oneAtATime(ctx.dataDir, () => createBackup(ctx.db, ctx.dataDir, ctx.now(), { reason: 'before-import' }));
  const blobs = await stageBlobs(ctx, file, plan.neededFiles);
  const result = writeImport(ctx.db, { manifest, doc, set, setText, blobs, overwrite: opts.overwrite, dataDir: ctx.dataDir, now: ctx.now() });
  return { ...result, undoBackup: undo.fileName };
}
