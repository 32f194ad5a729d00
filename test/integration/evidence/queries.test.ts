/** Evidence queries on a real database: items, files, links both ways, deletion with garbage
 *  collection only after a backup, and search. */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidenceDraftSchema } from '../../../shared/api/evidence-entities';
import { blobPath, hasBlob } from '../../../main/evidence/blob-store';
import { createBackup } from '../../../main/evidence/backup';
import { importEvidenceFile } from '../../../main/evidence/import-file';
import { insertAgency } from '../../../main/store/queries/agencies';
import {
  deleteItem,
  backingEvidenceCountsByCode,
  getItem,
  insertItem,
  itemsWithoutFiles,
  linkItem,
  listItemsForAgency,
  listItemsForAssessment,
  removeFile,
  searchEvidence,
  unlinkItem,
  updateItem,
} from '../../../main/store/queries/evidence';
import { NOW } from '../../helpers/store-temp';
import { chunked, makeEvidenceEnv, newAssessment, newItem, pdfBytes, sampleDraft, type EvidenceEnv } from '../../helpers/evidence-temp';
import { agencyDraft } from '../../helpers/agency-fixture';

const LATER = '2026-02-01T09:30:00.000Z';
let env: EvidenceEnv;
beforeEach(() => {
  env = makeEvidenceEnv('par-evidence-queries-');
});
afterEach(() => env.cleanup());

const attach = (itemId: number, data: Uint8Array, fileName = 'tai-lieu.pdf') =>
  importEvidenceFile(env.db, env.dataDir, { itemId, fileName, source: chunked(data), now: NOW });
const blobRow = (hash: string) => env.db.prepare('SELECT hash, unreferenced_since FROM blobs WHERE hash = ?').get(hash) as { unreferenced_since: string | null } | undefined;

describe('evidence drafts', () => {
  it('accepts real dates only and refuses unknown keys', () => {
    expect(evidenceDraftSchema.safeParse(sampleDraft()).success).toBe(true);
    expect(evidenceDraftSchema.safeParse(sampleDraft({ issuedOn: null })).success).toBe(true);
    expect(evidenceDraftSchema.safeParse(sampleDraft({ issuedOn: '2025-02-29' })).success).toBe(false);
    expect(evidenceDraftSchema.safeParse(sampleDraft({ issuedOn: '2024-02-29' })).success).toBe(true);
    expect(evidenceDraftSchema.safeParse(sampleDraft({ issuedOn: '15/01/2025' })).success).toBe(false);
    expect(evidenceDraftSchema.safeParse({ ...sampleDraft(), extra: 1 }).success).toBe(false);
    expect(evidenceDraftSchema.safeParse(sampleDraft({ summary: 'x'.repeat(2001) })).success).toBe(false);
    expect(evidenceDraftSchema.safeParse(sampleDraft({ docType: 'memo' as 'plan' })).success).toBe(false);
  });
});

describe('evidence items', () => {
  it('inserts, updates, gets and lists newest first', () => {
    const a = insertItem(env.db, env.agencyId, sampleDraft(), NOW);
    expect(a).toEqual({ ...sampleDraft(), id: a.id, agencyId: env.agencyId, createdAt: NOW, updatedAt: NOW, files: [], links: [], lockedYears: [] });
    const b = newItem(env, { docNumber: '2/QĐ-UBND', docType: 'decision' });
    const updated = updateItem(env.db, a.id, sampleDraft({ summary: 'Kế hoạch sửa đổi' }), LATER);
    expect(updated).toMatchObject({ id: a.id, summary: 'Kế hoạch sửa đổi', createdAt: NOW, updatedAt: LATER });
    expect(updateItem(env.db, 999, sampleDraft(), LATER)).toBeUndefined();
    expect(listItemsForAgency(env.db, env.agencyId).map((i) => i.id)).toEqual([a.id, b]);
    expect(getItem(env.db, 999)).toBeUndefined();
  });

  it('links items and criteria many-to-many, idempotently, and reuses items across years', () => {
    const assessment = newAssessment(env, 2025);
    const nextYear = newAssessment(env, 2026);
    const plan = newItem(env);
    const report = newItem(env, { docNumber: '9/BC-SNV', docType: 'report' });
    expect(linkItem(env.db, assessment, '1.1', plan, NOW)).toBe(true);
    expect(linkItem(env.db, assessment, '1.1', plan, NOW)).toBe(false);
    linkItem(env.db, assessment, '2.3', plan, NOW);
    linkItem(env.db, assessment, '1.1', report, NOW);
    linkItem(env.db, nextYear, '1.1', plan, NOW);
    expect(getItem(env.db, plan)?.links).toEqual([
      { assessmentId: assessment, code: '1.1' },
      { assessmentId: assessment, code: '2.3' },
      { assessmentId: nextYear, code: '1.1' },
    ]);
    // Documents without a file back nothing.
    expect(backingEvidenceCountsByCode(env.db, assessment)).toEqual(new Map());
    expect(listItemsForAssessment(env.db, assessment).map((i) => i.id).sort()).toEqual([plan, report].sort());
    expect(listItemsForAssessment(env.db, nextYear).map((i) => i.id)).toEqual([plan]);
    expect(unlinkItem(env.db, assessment, '1.1', plan)).toBe(true);
    expect(unlinkItem(env.db, assessment, '1.1', plan)).toBe(false);
    expect(getItem(env.db, plan)?.links).toHaveLength(2);
  });

  it('refuses to link an item of another agency, or unknown rows', () => {
    const assessment = newAssessment(env);
    const other = insertAgency(env.db, agencyDraft({ name: 'SỞ TƯ PHÁP' }), NOW).id;
    const foreign = insertItem(env.db, other, sampleDraft(), NOW).id;
    expect(() => linkItem(env.db, assessment, '1.1', foreign, NOW)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => linkItem(env.db, 999, '1.1', newItem(env), NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => linkItem(env.db, assessment, '1.1', 999, NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('lists linked items without files', async () => {
    const assessment = newAssessment(env);
    const withFile = newItem(env);
    const without = newItem(env, { docNumber: '3/TB' });
    newItem(env, { docNumber: '4/TB' }); // not linked: not listed
    await attach(withFile, pdfBytes(1000));
    for (const id of [withFile, without]) linkItem(env.db, assessment, '1.1', id, NOW);
    expect(itemsWithoutFiles(env.db, assessment).map((i) => i.id)).toEqual([without]);
  });
});

describe('deleting evidence', () => {
  it('refuses to delete a linked item, naming the criteria', () => {
    const assessment = newAssessment(env);
    const item = newItem(env);
    linkItem(env.db, assessment, '1.1', item, NOW);
    linkItem(env.db, assessment, '2.3', item, NOW);
    expect(() => deleteItem(env.db, item)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: 'Tài liệu đang được dùng cho tiêu chí 1.1 (năm 2025), 2.3 (năm 2025); hãy bỏ liên kết trước.' }),
    );
    unlinkItem(env.db, assessment, '1.1', item);
    unlinkItem(env.db, assessment, '2.3', item);
    expect(deleteItem(env.db, item)).toBe(true);
    expect(deleteItem(env.db, item)).toBe(false);
    expect(getItem(env.db, item)).toBeUndefined();
  });

  it('removes a file from disk only after the next backup point', async () => {
    const assessment = newAssessment(env);
    const item = newItem(env);
    const { hash } = await attach(item, pdfBytes(50_000));
    linkItem(env.db, assessment, '1.1', item, NOW);
    unlinkItem(env.db, assessment, '1.1', item);
    env.db.transaction(() => deleteItem(env.db, item))();
    expect(blobRow(hash)?.unreferenced_since).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(hasBlob(env.dataDir, hash)).toBe(true);
    const backup = await createBackup(env.db, env.dataDir, LATER);
    expect(backup.garbage).toEqual({ blobs: 1, orphans: 0 });
    expect(hasBlob(env.dataDir, hash)).toBe(false);
    expect(blobRow(hash)).toBeUndefined();
  });

  it('never collects a blob another item still uses, nor one used again before the backup', async () => {
    const first = newItem(env);
    const second = newItem(env, { docNumber: '2/KH' });
    const shared = pdfBytes(20_000);
    const reused = pdfBytes(30_000);
    const a = await attach(first, shared);
    await attach(second, shared);
    const r = await attach(first, reused, 'reused.pdf');
    deleteItem(env.db, first);
    expect(blobRow(a.hash)?.unreferenced_since).toBeNull();
    expect(blobRow(r.hash)?.unreferenced_since).not.toBeNull();
    await attach(second, reused, 'again.pdf'); // used again: no longer unreferenced
    expect((await createBackup(env.db, env.dataDir, LATER)).garbage.blobs).toBe(0);
    expect([hasBlob(env.dataDir, a.hash), hasBlob(env.dataDir, r.hash)]).toEqual([true, true]);
  });

  it('removes one file and its name from the search text', async () => {
    const item = newItem(env, { summary: 'Báo cáo' });
    const f = await attach(item, pdfBytes(1000), 'Quyết định khen thưởng.pdf');
    expect(searchEvidence(env.db, env.agencyId, 'khen thuong', 5).map((i) => i.id)).toEqual([item]);
    expect(env.db.transaction(() => removeFile(env.db, f.fileId, LATER))()).toBe(true);
    expect(removeFile(env.db, f.fileId)).toBe(false);
    expect(searchEvidence(env.db, env.agencyId, 'khen thuong', 5)).toEqual([]);
    expect(getItem(env.db, item)).toMatchObject({ files: [], updatedAt: LATER });
    expect(blobRow(f.hash)?.unreferenced_since).not.toBeNull();
    expect(fs.existsSync(blobPath(env.dataDir, f.hash))).toBe(true);
  });
});

describe('searchEvidence', () => {
  it('ignores diacritics and case, needs every word, and escapes LIKE wildcards', () => {
    const plan = newItem(env, { summary: 'Kế hoạch ĐÀO TẠO cán bộ', docNumber: '125/KH-UBND' });
    const report = newItem(env, { summary: 'Báo cáo 50% kết quả', docNumber: '7/BC', issuer: 'Sở Nội vụ' });
    const ids = (q: string) => searchEvidence(env.db, env.agencyId, q, 10).map((i) => i.id);
    expect(ids('ke hoach')).toEqual([plan]);
    expect(ids('dao tao')).toEqual([plan]);
    expect(ids('Đào  Tạo')).toEqual([plan]);
    expect(ids('kh-ubnd')).toEqual([plan]);
    expect(ids('noi vu 50%')).toEqual([report]);
    expect(ids('%')).toEqual([report]);
    expect(ids('_')).toEqual([]);
    expect(ids('ke hoach bao cao')).toEqual([]);
    expect(ids('')).toEqual([report, plan]);
    const other = insertAgency(env.db, agencyDraft({ name: 'SỞ TƯ PHÁP' }), NOW).id;
    expect(searchEvidence(env.db, other, 'ke hoach', 10)).toEqual([]);
  });

  it('answers over 10,000 items quickly, newest first', () => {
    const issuers = ['UBND thành phố', 'Sở Nội vụ', 'Sở Tư pháp', 'Văn phòng UBND'];
    const topics = ['kế hoạch cải cách hành chính', 'báo cáo đào tạo bồi dưỡng', 'quyết định kiện toàn', 'thông báo kết luận'];
    env.db.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const stamp = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
        insertItem(env.db, env.agencyId, sampleDraft({ docNumber: `${i}/KH`, summary: `${topics[i % 4]} số ${i}`, issuer: issuers[i % 4]! }), stamp);
      }
    })();
    const times: number[] = [];
    let hits = 0;
    for (let round = 0; round < 40; round++) {
      for (const q of ['ke hoach', 'dao tao so nội vụ', 'thong bao', 'kien toan 99']) {
        const t0 = performance.now();
        hits += searchEvidence(env.db, env.agencyId, q, 20).length;
        times.push(performance.now() - t0);
      }
    }
    times.sort((x, y) => x - y);
    const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
    console.log(`search over 10,000 items: p50 ${times[times.length >> 1]!.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    expect(p95).toBeLessThan(200);
    expect(hits).toBeGreaterThan(0);
    const newest = searchEvidence(env.db, env.agencyId, 'ke hoach', 3).map((i) => i.docNumber);
    expect(newest).toEqual(['9996/KH', '9992/KH', '9988/KH']);
  });
});
