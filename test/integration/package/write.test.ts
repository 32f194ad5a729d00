/** Writing packages: a damaged or missing blob aborts the export with a clear message and leaves
 *  nothing behind (an older package at the target stays whole); readable, collision-free paths;
 *  the native CRC-32 that yazl is given computes exactly what buffer-crc32 computes. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../../main/evidence/blob-store';
import { compareCodes } from '../../../shared/domain/criteria-tree';
import { EvidenceLayout, symbolFolder } from '../../../main/package/evidence-paths';
import { exportPackage } from '../../../main/package/export-package';
import { useNativeCrc32ForYazl } from '../../../main/package/fast-crc32';
import { collisionKey, shouldCompress } from '../../../main/package/format';
import { listItemsForAssessment } from '../../../main/store/queries/evidence';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { packagedAssessment, type PackagedAssessment } from '../../helpers/package-fixture';

let h: Harness;
let a: PackagedAssessment;

function firstPdfBlob(): string {
  const file = listItemsForAssessment(h.ctx.db, a.assessmentId).flatMap((i) => i.files).find((f) => f.mediaType === 'application/pdf')!;
  return blobPath(h.dataDir, file.hash);
}

const exportsDir = () => path.join(h.dataDir, 'exports');

describe('writing a package', () => {
  beforeEach(async () => {
    h = createHarness();
    a = await packagedAssessment(h);
  }, 60_000);
  afterEach(() => h.dispose());

  it('aborts on a damaged blob (same size, other bytes) with a clear message, leaving the older package whole and no temp file', async () => {
    const first = await h.call('package:export', { assessmentId: a.assessmentId });
    const before = fs.readFileSync(path.join(exportsDir(), first.fileName));
    const blob = firstPdfBlob();
    fs.chmodSync(blob, 0o644);
    const bytes = fs.readFileSync(blob);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
    fs.writeFileSync(blob, bytes);
    const err = await h.fail('package:export', { assessmentId: a.assessmentId });
    expect(err.code).toBe('FILE_CHANGED');
    expect(err.message).toMatch(/^Tệp kiểm chứng ".+\.pdf" trong kho dữ liệu đã bị hỏng .*gói chưa được tạo/);
    expect(fs.readdirSync(exportsDir())).toEqual([first.fileName]);
    expect(fs.readFileSync(path.join(exportsDir(), first.fileName)).equals(before)).toBe(true);
  });

  it('refuses when a blob is missing, before writing anything', async () => {
    fs.rmSync(firstPdfBlob());
    const err = await h.fail('package:export', { assessmentId: a.assessmentId });
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('không còn trong kho dữ liệu; gói chưa được tạo') });
    expect(fs.existsSync(exportsDir()) ? fs.readdirSync(exportsDir()) : []).toEqual([]);
  });

  it('writes to a chosen file (the CLI path) and replaces an older one atomically', async () => {
    const out = path.join(h.dataDir, 'ra', 'goi.zip');
    fs.mkdirSync(path.dirname(out));
    fs.writeFileSync(out, 'cũ');
    const p = await exportPackage(h.ctx.db, h.dataDir, a.assessmentId, h.ctx.now(), { file: out });
    expect(p).toMatchObject({ file: out, fileName: 'goi.zip', evidenceFiles: 4 });
    expect(fs.statSync(out).size).toBe(p.size);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['goi.zip']);
  });

  it('refuses an unknown assessment', async () => {
    expect((await h.fail('package:export', { assessmentId: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('evidence paths', () => {
  it('makes document symbols path-safe and readable', () => {
    expect(symbolFolder('125/KH-UBND')).toBe('125-KH-UBND');
    expect(symbolFolder('  ')).toBe('khong-so-ky-hieu');
    expect(symbolFolder('a\\b:c?')).toBe('a-b_c_');
    expect(symbolFolder('CON')).toBe('CON_');
    expect(symbolFolder('..')).toBe('khong-so-ky-hieu');
    expect(Buffer.byteLength(symbolFolder('Quyết định '.repeat(40)))).toBeLessThanOrEqual(80);
  });

  it('stores each content once and never lets two names collide on Windows or macOS', () => {
    const layout = new EvidenceLayout();
    const item = { docNumber: '1/KH', codes: ['1.2', '1.10'], files: [] };
    const h1 = 'a'.repeat(64);
    expect(layout.pathFor(item, { hash: h1, displayName: 'Kế hoạch.pdf' })).toBe('tai-lieu-kiem-chung/1.2/1-KH/Kế hoạch.pdf');
    expect(layout.pathFor({ ...item, codes: ['2.1'] }, { hash: h1, displayName: 'khac.pdf' })).toBe('tai-lieu-kiem-chung/1.2/1-KH/Kế hoạch.pdf');
    expect(layout.pathFor(item, { hash: 'b'.repeat(64), displayName: 'KẾ HOẠCH.PDF' })).toBe('tai-lieu-kiem-chung/1.2/1-KH/KẾ HOẠCH (2).PDF');
    expect(layout.pathFor(item, { hash: 'c'.repeat(64), displayName: 'Kế hoạch.pdf'.normalize('NFD') })).toBe('tai-lieu-kiem-chung/1.2/1-KH/Kế hoạch (3).pdf');
    expect(layout.size).toBe(3);
    expect(collisionKey('A/Ế.pdf. ')).toBe(collisionKey('a/ế.pdf'.normalize('NFD')));
  });

  it('orders codes as the tree does and picks the compression by type', () => {
    expect(['1.10', '1.2', '1', '2.1'].sort(compareCodes)).toEqual(['1', '1.2', '1.10', '2.1']);
    expect(['a.pdf', 'b.PNG', 'c.jpg', 'd.docx', 'e.xlsx', 'f.zip', 'g.webp'].map(shouldCompress)).toEqual([false, false, false, false, false, false, false]);
    expect(['a.json', 'b.txt', 'c.csv', 'd.tif', 'e.doc'].map(shouldCompress)).toEqual([true, true, true, true, true]);
  });
});

describe('CRC-32', () => {
  it('the native function handed to yazl gives what buffer-crc32 gives, also chained', () => {
    useNativeCrc32ForYazl();
    const crcModule = createRequire(createRequire(import.meta.url).resolve('yazl'))('buffer-crc32') as { unsigned: (b: Buffer, p?: number) => number };
    const data = crypto.randomBytes(1024 * 1024 + 17);
    expect(crcModule.unsigned(data)).toBe(reference(data));
    expect(crcModule.unsigned(data.subarray(1000), crcModule.unsigned(data.subarray(0, 1000)))).toBe(reference(data));
    expect(crcModule.unsigned(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crcModule.unsigned(Buffer.alloc(0))).toBe(0);
  });
});

/** Bitwise CRC-32 (IEEE 802.3), independent of both implementations. */
function reference(b: Buffer, prev = 0): number {
  let crc = ~prev >>> 0;
  for (const byte of b) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}
