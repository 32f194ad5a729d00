/** An assessment worth packaging: the department sample set fully answered, evidence items with
 *  PDF and PNG files brought in through importEvidenceFile (all name/type/size rules apply), one
 *  file shared by two items and one item backing two criteria; plus dumps that let a test prove
 *  that nothing changed (every table, every file of a data folder). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { loadCriteriaSet } from '../../main/criteria/set-cache';
import { importEvidenceFile } from '../../main/evidence/import-file';
import { fullAnswers } from './answer-generator';
import { type Harness } from './app-harness';
import { makePdf, PNG_1X1 } from './sample-documents';
import { agencyDraft } from './agency-fixture';

export interface PackagedAssessment {
  assessmentId: number;
  agencyId: number;
  setHash: string;
}

async function* chunksOf(bytes: Buffer): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
}

export async function attachFile(h: Harness, itemId: number, fileName: string, bytes: Buffer): Promise<void> {
  await importEvidenceFile(h.ctx.db, h.dataDir, { itemId, fileName, source: chunksOf(bytes), declaredSize: bytes.length, now: h.ctx.now() });
}

const ITEMS = [
  { docNumber: '125/KH-SNV', summary: 'Kế hoạch cải cách hành chính năm 2026', files: [['Kế hoạch CCHC 2026.pdf', makePdf('Ke hoach CCHC 2026')], ['Ảnh hội nghị.png', PNG_1X1]] },
  { docNumber: '45/BC-SNV', summary: 'Báo cáo kết quả kiểm tra', files: [['Báo cáo kiểm tra.pdf', makePdf('Bao cao kiem tra')]] },
  { docNumber: '', summary: 'Ảnh chụp bảng niêm yết', files: [['Ảnh hội nghị.png', PNG_1X1], ['Bảng niêm yết.pdf', makePdf('Bang niem yet')]] },
  { docNumber: '7/QĐ-UBND', summary: 'Quyết định chưa có tệp', files: [] },
] as const;

/** Answers for every self-scored leaf (with explanations), four items over three leaves. */
export async function packagedAssessment(h: Harness, opts: { seed?: number; agencyName?: string } = {}): Promise<PackagedAssessment> {
  const agency = await h.call('agencies:create', agencyDraft(opts.agencyName ? { name: opts.agencyName } : {}));
  const sample = (await h.call('criteriaSets:list', {})).sets.find((s) => s.level === 'department' && s.status === 'sample')!;
  const a = await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: sample.hash });
  const set = loadCriteriaSet(h.ctx.db, sample.hash);
  for (const [code, answer] of fullAnswers(set, opts.seed ?? 3)) {
    await h.call('answers:save', { assessmentId: a.id, code, answer: { ...answer, explanation: answer.explanation || 'Đã có tài liệu lưu tại văn phòng.' } });
  }
  const codes = leavesOf(set).map((v) => v.node.code);
  for (const [i, spec] of ITEMS.entries()) {
    const draft = { docNumber: spec.docNumber, issuedOn: '2026-01-05', issuer: 'Sở Nội vụ', docType: 'plan' as const, summary: spec.summary };
    const change = await h.call('evidence:create', { assessmentId: a.id, code: codes[i % 3]!, draft });
    const itemId = change.item!.id;
    if (i === 0) await h.call('evidence:link', { assessmentId: a.id, code: codes[5]!, itemId });
    for (const [name, bytes] of spec.files) await attachFile(h, itemId, name, bytes);
  }
  await h.call('report:saveSettings', {
    assessmentId: a.id,
    settings: { docNumber: '', docSymbol: 'BC-SNV', reportDate: '2026-01-05', difficulties: 'Thiếu kinh phí số hóa hồ sơ.', recipients: ['- Sở Nội vụ (để báo cáo);'] },
  });
  return { assessmentId: a.id, agencyId: agency.id, setHash: sample.hash };
}

/** The safety net's own bookkeeping: an import takes a backup first (its row, its file), which is
 *  not a change to the officer's data. */
const SAFETY_NET_TABLES = new Set(['backups', 'blob_journal']);

/** Every row of every table of the officer's data, in a stable order. */
export function dumpTables(db: Database.Database): Record<string, unknown[]> {
  const all = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const tables = all.filter((t) => !SAFETY_NET_TABLES.has(t));
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
}

/** Every file under `dir` (relative path → size), database files and backups left out. */
export function listFiles(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory() && path.relative(dir, full) === 'backups') continue;
      if (e.isDirectory()) walk(full);
      else if (!/^par\.sqlite/.test(e.name)) out[path.relative(dir, full)] = fs.statSync(full).size;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
