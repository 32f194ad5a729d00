/**
 * Issue 8 figure: the whole-folder archive ("Xuất toàn bộ dữ liệu", `par backup`) of 1 GB of
 * evidence beside a plain copy + SHA-256 of the same bytes (each blob read once in 1 MiB chunks,
 * hashed, appended to one output file, fsynced) in the same run; target ≤ 1.3×. The evidence is
 * random bytes (incompressible, like PDF and JPEG) in 10 MB files named .pdf, written straight
 * into a temp data folder's blob store with their rows. PAR_BENCH_ARCHIVE_MB shrinks the 1 GB.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeDataArchive } from '../../main/backup/write-archive';
import { blobPath } from '../../main/evidence/blob-store';
import { STREAM_CHUNK_BYTES } from '../../main/package/format';
import { createAppContext, type AppContext } from '../../main/startup/app-context';
import { insertItem } from '../../main/store/queries/evidence';
import { insertBlobIfMissing, insertFile } from '../../main/store/queries/evidence-files';
import { percentile, type BenchFigure } from './bench-results';
import { call, numberedAgency } from './store-bench';

const NOW = '2026-12-04T08:00:00.000Z';
const FILE_BYTES = 10 * 1024 * 1024;

async function fillEvidence(ctx: AppContext, totalBytes: number): Promise<string[]> {
  const agency = await call<{ id: number }>(ctx, 'agencies:create', numberedAgency(1, 'department'));
  const files: string[] = [];
  for (let written = 0, i = 0; written < totalBytes; i++) {
    const bytes = crypto.randomBytes(Math.min(FILE_BYTES, totalBytes - written));
    const hash = crypto.createHash('sha256').update(bytes).digest('hex');
    fs.mkdirSync(path.dirname(blobPath(ctx.dataDir, hash)), { recursive: true });
    fs.writeFileSync(blobPath(ctx.dataDir, hash), bytes);
    const item = insertItem(ctx.db, agency.id, { docNumber: `${i}/KH`, issuedOn: '2026-01-15', issuer: 'UBND', docType: 'plan', summary: `Tài liệu ${i}` }, NOW);
    insertBlobIfMissing(ctx.db, hash, bytes.length, NOW);
    insertFile(ctx.db, { itemId: item.id, hash, displayName: `tai-lieu-${i}.pdf`, mediaType: 'application/pdf', size: bytes.length, addedAt: NOW });
    files.push(blobPath(ctx.dataDir, hash));
    written += bytes.length;
  }
  return files;
}

/** The floor: every byte read once, hashed and written once to one file, fsynced. */
async function copyAndHashMs(files: string[], target: string): Promise<number> {
  const t0 = performance.now();
  const out = await fs.promises.open(target, 'w');
  try {
    for (const file of files) {
      const hash = crypto.createHash('sha256');
      for await (const chunk of fs.createReadStream(file, { highWaterMark: STREAM_CHUNK_BYTES })) {
        hash.update(chunk as Buffer);
        await out.write(chunk as Buffer);
      }
      hash.digest('hex');
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return performance.now() - t0;
}

export async function benchArchive(megabytes = Number(process.env.PAR_BENCH_ARCHIVE_MB) || 1024, runs = 3): Promise<BenchFigure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-archive-'));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-archive-out-'));
  const ctx = createAppContext({ dataDir, mode: 'test' });
  try {
    const files = await fillEvidence(ctx, megabytes * 1024 * 1024);
    const copies: number[] = [];
    const archives: number[] = [];
    const archive = async () => {
      const t0 = performance.now();
      await writeDataArchive(ctx.db, dataDir, NOW, path.join(outDir, 'archive.zip'));
      archives.push(performance.now() - t0);
      fs.rmSync(path.join(outDir, 'archive.zip'));
    };
    const copy = async () => {
      copies.push(await copyAndHashMs(files, path.join(outDir, 'copy.bin')));
      fs.rmSync(path.join(outDir, 'copy.bin'));
    };
    // Alternating order, medians: the disk and the shared CPU make single runs vary by ±40 % here.
    for (let i = 0; i < runs; i++) for (const step of i % 2 === 0 ? [copy, archive] : [archive, copy]) await step();
    const archiveMs = percentile(archives, 50);
    const copyMs = percentile(copies, 50);
    return [
      {
        name: `whole-folder archive of ${megabytes} MB of evidence (${files.length} files, random bytes), median of ${runs}`,
        value: archiveMs,
        unit: 'ms',
        limitName: 'plain copy + SHA-256 of the same bytes',
        limit: copyMs,
        ratio: archiveMs / copyMs,
        target: '≤ 1.3× copy + SHA-256',
      },
    ];
  } finally {
    ctx.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
