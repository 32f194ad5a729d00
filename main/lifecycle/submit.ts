/**
 * "Nộp báo cáo": a locked assessment becomes submitted. The signed report (a digitally signed PDF
 * or a scan) is stored as a blob like evidence; the package is built with it beside bao-cao.docx
 * (and the history as lich-su.json), written into the blob store too, and both are named by a
 * `submissions` row committed with the status change and its history row in ONE transaction.
 * Order, as for evidence: blobs durable (and journaled) first, then the rows; a crash in between
 * leaves journaled blobs the sweep removes, never a row without its file. Garbage collection never
 * takes a blob a submission names, so the package that was sent can be exported again byte-identical.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { LifecycleView, SubmitParams } from '../../shared/api/channels/history';
import { AppFailure } from '../../shared/api/result';
import { STATUS_NAME_VI } from '../../shared/domain/assessment-status';
import { sanitizeDisplayName } from '../../shared/files/file-names';
import { checkExtension } from '../../shared/files/file-types';
import { requireAssessment } from '../assessment/assessment-view';
import { blobPath, publishBlob, removeTempFile, tempDir } from '../evidence/blob-store';
import { DEFAULT_MAX_EVIDENCE_BYTES } from '../evidence/import-file';
import { streamToTemp } from '../evidence/stream-to-temp';
import { SIGNED_REPORT_BASE } from '../package/format';
import { buildPackageContent } from '../package/package-content';
import { writePackage } from '../package/write-package';
import { forgetBlob } from '../store/queries/blob-journal';
import { officerOf } from '../store/queries/history';
import { claimBlob, insertSubmission } from '../store/queries/submissions';
import { lifecycleView } from './lifecycle';
import { moveStatus } from './move-status';

const SIGNED_TYPES = new Map([['application/pdf', 'pdf'], ['image/png', 'png'], ['image/jpeg', 'jpg']]);

function requireLocked(db: Database.Database, assessmentId: number): void {
  const status = requireAssessment(db, assessmentId).status;
  if (status !== 'final') {
    throw new AppFailure('CONFLICT', `Chỉ nộp được kỳ đánh giá đã khóa (hiện tại: ${STATUS_NAME_VI[status]}). Hãy khóa kỳ đánh giá, ký báo cáo rồi nộp.`);
  }
}

async function sha256OfFile(file: string): Promise<{ hash: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { hash: hash.digest('hex'), size };
}

interface StoredSigned {
  hash: string;
  size: number;
  mediaType: string;
  name: string;
}

/** The signed report, streamed into the blob store (PDF or image, checked by extension and content). */
async function storeSignedReport(db: Database.Database, dataDir: string, fileName: string, source: AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<StoredSigned> {
  const name = sanitizeDisplayName(fileName);
  const ext = checkExtension(name);
  if (!ext.ok) throw new AppFailure('UNSUPPORTED_TYPE', ext.message);
  const streamed = await streamToTemp(dataDir, source, { fileName: name, maxBytes: DEFAULT_MAX_EVIDENCE_BYTES, total: null, signal });
  if (!SIGNED_TYPES.has(streamed.mediaType)) {
    await removeTempFile(streamed.tempFile);
    throw new AppFailure('UNSUPPORTED_TYPE', 'Báo cáo đã ký phải là tệp PDF (ký số) hoặc ảnh quét (PNG, JPG).');
  }
  await publishBlob(db, dataDir, streamed.tempFile, streamed.hash, streamed.size);
  return { hash: streamed.hash, size: streamed.size, mediaType: streamed.mediaType, name };
}

/** The package with the signed report, written into tmp/ and then published as a blob. */
async function storePackage(db: Database.Database, dataDir: string, assessmentId: number, signed: StoredSigned, now: string) {
  const entry = { path: `${SIGNED_REPORT_BASE}.${SIGNED_TYPES.get(signed.mediaType)!}`, hash: signed.hash, size: signed.size, displayName: signed.name };
  const content = await buildPackageContent(db, assessmentId, now, entry);
  const temp = path.join(tempDir(dataDir), `${crypto.randomBytes(12).toString('hex')}.part`);
  try {
    await writePackage(temp, dataDir, content);
    const { hash, size } = await sha256OfFile(temp);
    await publishBlob(db, dataDir, temp, hash, size);
    return { hash, size, name: content.fileName };
  } catch (err) {
    await removeTempFile(temp);
    throw err;
  }
}

export interface SubmitRequest extends SubmitParams {
  source: AsyncIterable<Uint8Array>;
  signal?: AbortSignal;
}

export async function submitAssessment(db: Database.Database, dataDir: string, req: SubmitRequest, now: string): Promise<LifecycleView> {
  requireLocked(db, req.assessmentId);
  const signed = await storeSignedReport(db, dataDir, req.fileName, req.source, req.signal);
  const pkg = await storePackage(db, dataDir, req.assessmentId, signed, now);
  return db.transaction(() => {
    requireLocked(db, req.assessmentId);
    for (const b of [signed, pkg]) {
      if (!fs.existsSync(blobPath(dataDir, b.hash))) throw new AppFailure('FILE_CHANGED', 'Tệp vừa lưu không còn trong kho dữ liệu; hãy nộp lại.');
      claimBlob(db, b.hash, b.size, now);
      forgetBlob(db, b.hash);
    }
    const docNumber = req.docNumber.trim().normalize('NFC');
    const officer = officerOf(db, req.assessmentId);
    const id = insertSubmission(db, { assessmentId: req.assessmentId, sentOn: req.sentOn, docNumber, docDate: req.docDate, signed, pkg, officer, at: now });
    const details = { submissionId: id, sentOn: req.sentOn, docNumber, docDate: req.docDate, signedReport: signed.name, packageSha256: pkg.hash };
    moveStatus(db, req.assessmentId, { to: 'submitted', details }, now);
    return lifecycleView(db, req.assessmentId);
  })();
}
