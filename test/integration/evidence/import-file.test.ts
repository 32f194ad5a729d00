/** Importing evidence files on real files in a temp data folder. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blobPath, blobsDir, tempDir } from '../../../main/evidence/blob-store';
import { importEvidenceFile, type ImportRequest } from '../../../main/evidence/import-file';
import { setAssessmentStatus } from '../../../main/store/queries/assessments';
import { getItem, searchEvidence } from '../../../main/store/queries/evidence';
import { NOW } from '../../helpers/store-temp';
import { chunked, filesUnder, makeEvidenceEnv, newAssessment, newItem, pdfBytes, sha256, writeSource, type EvidenceEnv } from '../../helpers/evidence-temp';

const MIB = 1024 * 1024;
let env: EvidenceEnv;
beforeEach(() => {
  env = makeEvidenceEnv();
});
afterEach(() => env.cleanup());

const importFile = (req: Omit<ImportRequest, 'now'>) => importEvidenceFile(env.db, env.dataDir, { now: NOW, ...req });
const fileRows = () => env.db.prepare('SELECT COUNT(*) FROM evidence_files').pluck().get();
const blobRows = () => env.db.prepare('SELECT COUNT(*) FROM blobs').pluck().get();

/** Nothing kept: no temp file, no blob file, no row. */
/** The file's SHA-256 from the system tool (sha256sum; shasum on macOS; certutil on Windows): not our code. */
function independentSha256(file: string): string {
  if (process.platform === 'win32') return execFileSync('certutil', ['-hashfile', file, 'SHA256'], { encoding: 'utf8' }).split(/\r?\n/)[1]!.replace(/\s/g, '');
  const tool = spawnSync('sha256sum', ['--version']).error === undefined ? ['sha256sum', [file]] : ['shasum', ['-a', '256', file]];
  return execFileSync(tool[0] as string, tool[1] as string[], { encoding: 'utf8' }).split(' ')[0]!;
}

function expectNoTrace(): void {
  expect(filesUnder(tempDir(env.dataDir))).toEqual([]);
  expect(filesUnder(blobsDir(env.dataDir))).toEqual([]);
  expect([fileRows(), blobRows()]).toEqual([0, 0]);
}

describe('importEvidenceFile', () => {
  it('imports a file from a path: blob named by its SHA-256 at the final path, row present', async () => {
    const data = pdfBytes(21 * MIB + 123); // six 4 MiB reads: every reused read buffer goes round twice
    const source = writeSource(env, 'Kế hoạch.pdf', data);
    const itemId = newItem(env);
    const progress: [number, number | null][] = [];
    const result = await importFile({ itemId, fileName: 'Kế hoạch.pdf', source, onProgress: (d, t) => progress.push([d, t]) });
    const independent = independentSha256(source);
    expect(result).toEqual({
      fileId: expect.any(Number),
      itemId,
      displayName: 'Kế hoạch.pdf',
      mediaType: 'application/pdf',
      size: data.length,
      hash: independent,
      deduplicated: false,
      alreadyOnItems: [],
    });
    const final = blobPath(env.dataDir, result.hash);
    expect(final).toBe(path.join(env.dataDir, 'evidence', 'blobs', result.hash.slice(0, 2), result.hash));
    expect(sha256(fs.readFileSync(final))).toBe(result.hash);
    expect(filesUnder(tempDir(env.dataDir))).toEqual([]);
    expect(getItem(env.db, itemId)?.files).toEqual([
      { id: result.fileId, itemId, displayName: 'Kế hoạch.pdf', mediaType: 'application/pdf', size: data.length, hash: result.hash, addedAt: NOW, previewable: 'pdf' },
    ]);
    expect(progress.at(-1)).toEqual([data.length, data.length]);
    expect(progress.length).toBeGreaterThanOrEqual(1);
  });

  it('imports an upload (async chunks) and makes the file name searchable', async () => {
    const data = new TextEncoder().encode('Danh sách cán bộ được đào tạo, bồi dưỡng\n'.repeat(2000));
    const itemId = newItem(env, { summary: 'Báo cáo', docNumber: '7/BC' });
    const result = await importFile({ itemId, fileName: 'Danh sách đào tạo.csv', source: chunked(data, 1000), declaredSize: data.length });
    expect(result).toMatchObject({ hash: sha256(data), size: data.length, mediaType: 'text/csv', deduplicated: false });
    expect(searchEvidence(env.db, env.agencyId, 'danh sach dao tao', 10).map((i) => i.id)).toEqual([itemId]);
  });

  it('stores identical content once and names the items that already use it', async () => {
    const data = pdfBytes(300 * 1024);
    const first = newItem(env, { docNumber: '125/KH-UBND', summary: 'Kế hoạch CCHC' });
    const second = newItem(env, { docNumber: '9/BC-SNV', summary: 'Báo cáo quý' });
    const a = await importFile({ itemId: first, fileName: 'a.pdf', source: writeSource(env, 'a.pdf', data) });
    const b = await importFile({ itemId: second, fileName: 'b.pdf', source: chunked(data) });
    expect(b).toMatchObject({ hash: a.hash, deduplicated: true, displayName: 'b.pdf' });
    expect(b.fileId).not.toBe(a.fileId);
    expect(b.alreadyOnItems).toEqual([{ itemId: first, docNumber: '125/KH-UBND', summary: 'Kế hoạch CCHC' }]);
    expect(filesUnder(blobsDir(env.dataDir))).toEqual([path.join(a.hash.slice(0, 2), a.hash)]);
    expect([fileRows(), blobRows()]).toEqual([2, 1]);
    // The same content twice on one item: the existing row, no error.
    const again = await importFile({ itemId: first, fileName: 'copy of a.pdf', source: chunked(data) });
    expect(again).toMatchObject({ fileId: a.fileId, displayName: 'a.pdf', deduplicated: true });
    expect(again.alreadyOnItems.map((i) => i.itemId)).toEqual([second]);
    expect([fileRows(), blobRows()]).toEqual([2, 1]);
    expect(filesUnder(tempDir(env.dataDir))).toEqual([]);
  });

  it('imports side by side (a multi-file selection): same content stored once, every row there, one commit may hold several', async () => {
    const same = pdfBytes(200 * 1024);
    const items = [newItem(env), newItem(env), newItem(env), newItem(env)];
    const sources = [
      { source: writeSource(env, 'a.pdf', same) },
      { source: chunked(same) },
      { source: writeSource(env, 'c.pdf', pdfBytes(300 * 1024)) },
      { source: writeSource(env, 'd.pdf', pdfBytes(9 * MIB)) }, // a large one among them
    ];
    const results = await Promise.all(sources.map(({ source }, i) => importFile({ itemId: items[i]!, fileName: `${'abcd'[i]}.pdf`, source })));
    expect(results[0]!.hash).toBe(sha256(same));
    expect(results[1]!.hash).toBe(results[0]!.hash);
    expect(new Set(results.map((r) => r.hash)).size).toBe(3);
    for (const r of results) expect(sha256(fs.readFileSync(blobPath(env.dataDir, r.hash)))).toBe(r.hash);
    expect([fileRows(), blobRows()]).toEqual([4, 3]);
    expect(filesUnder(blobsDir(env.dataDir))).toHaveLength(3);
    expect(filesUnder(tempDir(env.dataDir))).toEqual([]);
    expect(items.map((id) => getItem(env.db, id)?.files.length)).toEqual([1, 1, 1, 1]);
  });

  it('refuses a file whose assessment was locked while it was being copied: no row (the blob is left for the sweep)', async () => {
    const assessmentId = newAssessment(env);
    const itemId = newItem(env);
    const source = writeSource(env, 'lon.pdf', pdfBytes(20 * MIB));
    let locked = false;
    const lock = () => {
      if (!locked) setAssessmentStatus(env.db, assessmentId, 'final', NOW);
      locked = true;
    };
    await expect(importFile({ itemId, assessmentId, fileName: 'lon.pdf', source, onProgress: lock })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(locked).toBe(true);
    expect([fileRows(), blobRows()]).toEqual([0, 0]);
    expect(filesUnder(tempDir(env.dataDir))).toEqual([]);
  });

  it('stores a name given in NFD as NFC', async () => {
    const nfd = 'Báo cáo đào tạo.pdf'.normalize('NFD');
    const result = await importFile({ itemId: newItem(env), fileName: nfd, source: writeSource(env, nfd, pdfBytes(2000)) });
    expect(result.displayName).toBe('Báo cáo đào tạo.pdf'.normalize('NFC'));
    expect(env.db.prepare('SELECT display_name FROM evidence_files').pluck().get()).toBe('Báo cáo đào tạo.pdf'.normalize('NFC'));
  });

  it('renames Windows reserved names', async () => {
    const result = await importFile({ itemId: newItem(env), fileName: 'CON.pdf', source: chunked(pdfBytes(2000)) });
    expect(result.displayName).toBe('CON_.pdf');
  });

  it('keeps only the last part of a path-traversal name and writes nothing outside the data folder', async () => {
    const before = filesUnder(env.tmp.dir).filter((f) => !f.startsWith(`data${path.sep}`));
    const result = await importFile({ itemId: newItem(env), fileName: '../../x.pdf', source: chunked(pdfBytes(5000)) });
    expect(result.displayName).toBe('x.pdf');
    const after = filesUnder(env.tmp.dir).filter((f) => !f.startsWith(`data${path.sep}`));
    expect(after).toEqual(before);
    expect(fs.existsSync(path.join(env.dataDir, '..', 'x.pdf'))).toBe(false);
    expect(filesUnder(path.join(env.dataDir, 'evidence'))).toEqual([path.join('blobs', result.hash.slice(0, 2), result.hash)]);
  });

  it('refuses a name disguised with a right-to-left override as the .js it is', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await expect(importFile({ itemId: newItem(env), fileName: 'photo_high_re\u202Egnp.js', source: chunked(png) })).rejects.toMatchObject({
      code: 'UNSUPPORTED_TYPE',
      message: expect.stringMatching(/^Loại tệp \.js không được phép/),
    });
    expectNoTrace();
  });

  it('refuses an empty file, by path, by declared size and by content', async () => {
    const itemId = newItem(env);
    const empty = { code: 'EMPTY_FILE', message: 'Tệp rỗng (0 byte), không thể đính kèm.' };
    await expect(importFile({ itemId, fileName: 'a.pdf', source: writeSource(env, 'a.pdf', Buffer.alloc(0)) })).rejects.toMatchObject(empty);
    await expect(importFile({ itemId, fileName: 'a.pdf', source: chunked(Buffer.alloc(0)), declaredSize: 0 })).rejects.toMatchObject(empty);
    await expect(importFile({ itemId, fileName: 'a.pdf', source: chunked(Buffer.alloc(0)) })).rejects.toMatchObject(empty);
    expectNoTrace();
  });

  it('refuses a file over the limit: declared, by stat, and while streaming', async () => {
    const itemId = newItem(env);
    const tooLarge = { code: 'TOO_LARGE', message: expect.stringMatching(/^Tệp vượt quá giới hạn 1 MB/) };
    const neverRead: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => {
        throw new Error('must not be read');
      },
    };
    await expect(importFile({ itemId, fileName: 'a.pdf', source: neverRead, declaredSize: MIB + 1, maxBytes: MIB })).rejects.toMatchObject(tooLarge);
    const big = pdfBytes(MIB + 1);
    await expect(importFile({ itemId, fileName: 'a.pdf', source: writeSource(env, 'big.pdf', big), maxBytes: MIB })).rejects.toMatchObject(tooLarge);
    await expect(importFile({ itemId, fileName: 'a.pdf', source: chunked(big), maxBytes: MIB })).rejects.toMatchObject(tooLarge);
    await expect(importFile({ itemId, fileName: 'a.pdf', source: chunked(big), declaredSize: 1000, maxBytes: MIB })).rejects.toMatchObject(tooLarge);
    expectNoTrace();
    expect((await importFile({ itemId, fileName: 'a.pdf', source: chunked(big.subarray(0, MIB)), maxBytes: MIB })).size).toBe(MIB);
  });

  it('refuses the default 500 MB limit by its declared size', async () => {
    await expect(importFile({ itemId: newItem(env), fileName: 'a.pdf', source: chunked(pdfBytes(10)), declaredSize: 500 * MIB + 1 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('500 MB'),
    });
  });

  it('refuses a renamed .exe posing as .pdf before writing it', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), pdfBytes(200_000)]);
    const source = writeSource(env, 'x.pdf', exe);
    await expect(importFile({ itemId: newItem(env), fileName: 'x.pdf', source })).rejects.toMatchObject({
      code: 'UNSUPPORTED_TYPE',
      message: 'Nội dung tệp "x.pdf" không phải là PDF (có thể là tệp đã bị đổi đuôi).',
    });
    expectNoTrace();
  });

  it('refuses an upload that breaks off midway, or is shorter than declared', async () => {
    const itemId = newItem(env);
    const data = pdfBytes(3 * MIB);
    async function* breaksOff(): AsyncGenerator<Uint8Array> {
      yield data.subarray(0, MIB);
      yield data.subarray(MIB, 2 * MIB);
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    }
    const changed = { code: 'FILE_CHANGED', message: 'Tệp đã thay đổi hoặc bị xóa trong khi đọc, hãy thử lại.' };
    await expect(importFile({ itemId, fileName: 'a.pdf', source: breaksOff() })).rejects.toMatchObject(changed);
    await expect(importFile({ itemId, fileName: 'a.pdf', source: chunked(data.subarray(0, 2 * MIB)), declaredSize: data.length })).rejects.toMatchObject(changed);
    expectNoTrace();
  });

  it('refuses a file truncated, grown, rewritten with the same size or deleted while being read', async () => {
    const itemId = newItem(env);
    const source = writeSource(env, 'a.pdf', pdfBytes(20 * MIB));
    const changed = { code: 'FILE_CHANGED' };
    let cut = false;
    const truncate = () => {
      if (!cut) fs.truncateSync(source, 1000);
      cut = true;
    };
    await expect(importFile({ itemId, fileName: 'a.pdf', source, onProgress: truncate })).rejects.toMatchObject(changed);
    fs.writeFileSync(source, pdfBytes(20 * MIB));
    let appended = false;
    const grow = () => {
      if (!appended) fs.appendFileSync(source, 'more');
      appended = true;
    };
    await expect(importFile({ itemId, fileName: 'a.pdf', source, onProgress: grow })).rejects.toMatchObject(changed);
    fs.writeFileSync(source, pdfBytes(20 * MIB));
    let rewritten = false;
    const rewrite = () => {
      if (!rewritten) fs.writeFileSync(source, pdfBytes(20 * MIB)); // same size, other bytes
      rewritten = true;
    };
    await expect(importFile({ itemId, fileName: 'a.pdf', source, onProgress: rewrite })).rejects.toMatchObject(changed);
    expect(rewritten).toBe(true);
    let removed = false;
    const remove = () => {
      if (!removed) fs.unlinkSync(source);
      removed = true;
    };
    await expect(importFile({ itemId, fileName: 'a.pdf', source, onProgress: remove })).rejects.toMatchObject(changed);
    await expect(importFile({ itemId, fileName: 'a.pdf', source })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expectNoTrace();
  });

  it('cancels through the AbortSignal, even while the source waits, leaving no temp file and no row', async () => {
    const itemId = newItem(env);
    const controller = new AbortController();
    async function* stalls(): AsyncGenerator<Uint8Array> {
      yield pdfBytes(MIB);
      await new Promise(() => {}); // an upload that stops sending
    }
    const started = importFile({ itemId, fileName: 'a.pdf', source: stalls(), signal: controller.signal, onProgress: () => setTimeout(() => controller.abort(), 20) });
    await expect(started).rejects.toMatchObject({ code: 'CANCELLED' });
    expectNoTrace();
    const source = writeSource(env, 'big.pdf', pdfBytes(30 * MIB));
    const second = new AbortController();
    const running = importFile({ itemId, fileName: 'big.pdf', source, signal: second.signal, onProgress: () => second.abort() });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(importFile({ itemId, fileName: 'a.pdf', source, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
    expectNoTrace();
  });

  it('turns ENOSPC while writing into DISK_FULL and removes the temp file', async () => {
    const probe = await fs.promises.open(env.tmp.file('probe'), 'w');
    const fileHandleProto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    const write = vi.spyOn(fileHandleProto, 'write').mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    try {
      await expect(importFile({ itemId: newItem(env), fileName: 'a.pdf', source: chunked(pdfBytes(MIB)) })).rejects.toMatchObject({
        code: 'DISK_FULL',
        message: expect.stringMatching(/^Ổ đĩa không đủ chỗ trống/),
      });
    } finally {
      write.mockRestore();
    }
    expectNoTrace();
  });

  it('refuses an unknown item and a disk without room', async () => {
    await expect(importFile({ itemId: 999, fileName: 'a.pdf', source: chunked(pdfBytes(10)) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const huge = 2 ** 52;
    await expect(importFile({ itemId: newItem(env), fileName: 'a.pdf', source: chunked(pdfBytes(10)), declaredSize: huge, maxBytes: huge })).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringMatching(/^Ổ đĩa không đủ chỗ trống/),
    });
    expectNoTrace();
  });
});
