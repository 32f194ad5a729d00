/**
 * Issue 4 figures for the submission package, each beside the machine's own limit measured in the
 * same run: packaging an assessment that holds 1 GB of evidence (8 × 128 MiB incompressible
 * PDF-headed files, imported through importEvidenceFile) vs "copy + hash" of the same bytes (each
 * blob read in 4 MiB chunks, SHA-256'd and written to one output file, fsynced once, as the
 * package is); the RSS growth while packaging; and verifying that package (read + hash) beside the
 * same limit. Best of ROUNDS, interleaved in alternating order, in a temp folder deleted afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { Transform, type TransformCallback } from 'node:stream';
import { createAppContext, type AppContext } from '../../main/startup/app-context';
import { blobPath } from '../../main/evidence/blob-store';
import { importEvidenceFile } from '../../main/evidence/import-file';
import { exportPackage } from '../../main/package/export-package';
import { verifyPackageFile } from '../../main/package/verify-package';
import { insertAgency } from '../../main/store/queries/agencies';
import { insertAssessment } from '../../main/store/queries/assessments';
import { insertItem, linkItem } from '../../main/store/queries/evidence';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { loadCriteriaSet } from '../../main/criteria/set-cache';

import type { BenchFigure } from './bench-results';
import { agencyDraft } from '../helpers/agency-fixture';

/** The baseline copy reads and writes in 4 MiB chunks (the stream default is 2–3× slower, TOOLCHAIN.md). */
const READ_CHUNK_BYTES = 4 * 1024 * 1024;

const MIB = 1024 * 1024;
const FILES = 8;
const FILE_BYTES = 128 * MIB;
const ROUNDS = 3;
const NOW = '2026-01-05T08:00:00.000Z';

interface Env {
  root: string;
  ctx: AppContext;
  assessmentId: number;
  hashes: string[];
}

/** 128 MiB from random 4 MiB blocks, each stamped with the file and block index (no two alike). */
async function* incompressiblePdf(fileIndex: number, blocks: Buffer[]): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < FILE_BYTES / (4 * MIB); i++) {
    const block = Buffer.from(blocks[i % blocks.length]!);
    if (i === 0) Buffer.from('%PDF-1.7\n').copy(block);
    block.writeUInt32LE(fileIndex, 64);
    block.writeUInt32LE(i, 68);
    yield block;
  }
}

async function openEnv(): Promise<Env> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-package-'));
  const ctx = createAppContext({ dataDir: path.join(root, 'data'), mode: 'test', now: () => NOW, maxEvidenceBytes: 2 * FILE_BYTES });
  const sample = ctx.db.prepare("SELECT hash FROM criteria_sets WHERE level = 'department' AND status = 'sample'").pluck().get() as string;
  const agencyId = insertAgency(ctx.db, agencyDraft(), NOW).id;
  const assessmentId = insertAssessment(ctx.db, { agencyId, year: 2026, setHash: sample, now: NOW }).id;
  const codes = leavesOf(loadCriteriaSet(ctx.db, sample)).map((v) => v.node.code);
  const blocks = Array.from({ length: 4 }, () => crypto.randomBytes(4 * MIB));
  const hashes: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const item = insertItem(ctx.db, agencyId, { docNumber: `${f + 1}/KH-SNV`, issuedOn: '2026-01-05', issuer: 'Sở Nội vụ', docType: 'plan', summary: `Tài liệu ${f + 1}` }, NOW);
    linkItem(ctx.db, assessmentId, codes[f % codes.length]!, item.id, NOW);
    const r = await importEvidenceFile(ctx.db, ctx.dataDir, { itemId: item.id, fileName: `tai-lieu-${f + 1}.pdf`, source: incompressiblePdf(f, blocks), declaredSize: FILE_BYTES, maxBytes: 2 * FILE_BYTES, now: NOW });
    hashes.push(r.hash);
  }
  return { root, ctx, assessmentId, hashes };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

class Hasher extends Transform {
  readonly hash = crypto.createHash('sha256');
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/** The limit: every blob read in 4 MiB chunks, hashed and appended to one file (reads, hashing
 *  and writes overlap, as in the package writer), fsynced once at the end. */
async function copyAndHash(env: Env, target: string): Promise<number> {
  const seconds = await timed(async () => {
    const out = fs.createWriteStream(target, { flags: 'w', flush: true, highWaterMark: READ_CHUNK_BYTES });
    for (const hash of env.hashes) {
      const hasher = new Hasher();
      const done = once(hasher, 'end');
      fs.createReadStream(blobPath(env.ctx.dataDir, hash), { highWaterMark: READ_CHUNK_BYTES }).pipe(hasher).pipe(out, { end: false });
      await done;
      if (hasher.hash.digest('hex') !== hash) throw new Error('copy + hash: the blob changed');
    }
    out.end();
    await once(out, 'close');
  });
  await fs.promises.rm(target);
  return seconds;
}

/** Peak RSS above the level before `fn`, sampled every 20 ms. */
async function withRss(fn: () => Promise<unknown>): Promise<{ seconds: number; growthBytes: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const seconds = await timed(fn);
    return { seconds, growthBytes: Math.max(peak, process.memoryUsage().rss) - before };
  } finally {
    clearInterval(timer);
  }
}

export async function benchPackage(): Promise<BenchFigure[]> {
  const env = await openEnv();
  try {
    const runs = { copy: [] as number[], pack: [] as number[], growth: [] as number[], verify: [] as number[] };
    const packageFile = path.join(env.root, 'goi.zip');
    const copyRound = async () => runs.copy.push(await copyAndHash(env, path.join(env.root, 'copy.bin')));
    const packRound = async () => {
      const packed = await withRss(() => exportPackage(env.ctx.db, env.ctx.dataDir, env.assessmentId, NOW, { file: packageFile }));
      runs.pack.push(packed.seconds);
      runs.growth.push(packed.growthBytes);
    };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating the order cancels what one step leaves to the next (cache, write-back).
      if (round % 2 === 0) await copyRound().then(packRound);
      else await packRound().then(copyRound);
      runs.verify.push(await timed(async () => {
        if (!(await verifyPackageFile(packageFile)).ok) throw new Error('the benchmark package does not verify');
      }));
    }
    const [pack, copy, verify] = [Math.min(...runs.pack), Math.min(...runs.copy), Math.min(...runs.verify)];
    const limit = { unit: 's', limitName: 'copy + SHA-256 of the same bytes (4 MiB chunks, fsync)', limit: copy };
    return [
      { name: `package: 1 GB of evidence (${FILES} × 128 MiB PDF, best of ${ROUNDS})`, value: pack, ...limit, ratio: pack / copy, target: '≤ 1.3×' },
      { name: `package: RSS growth while packaging 1 GB (worst of ${ROUNDS})`, value: Math.max(...runs.growth) / MIB, unit: 'MB', target: 'flat (≤ 64 MB)' },
      { name: `package: verify the 1 GB package (best of ${ROUNDS})`, value: verify, ...limit, ratio: verify / copy, target: 'reference (reads and hashes, writes nothing)' },
    ];
  } finally {
    env.ctx.close();
    fs.rmSync(env.root, { recursive: true, force: true });
  }
}
