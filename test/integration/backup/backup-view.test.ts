/** "Xem (chỉ đọc)": an old backup's assessment is shown as it was, without restoring or changing
 *  anything; a backup from an older data version is read through a migrated temporary copy; a
 *  damaged backup or a hostile name is refused with a Vietnamese message. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { backupsDir } from '../../../main/evidence/backup';
import { importEvidenceFile } from '../../../main/evidence/import-file';
import { migrate } from '../../../main/store/migrations';
import { manualLeafAssessment } from '../../helpers/manual-leaf-assessment';
import { createHarness, databaseFileHash, type Harness } from '../../helpers/app-harness';
import { pdfBytes } from '../../helpers/evidence-temp';

let h: Harness;
let assessmentId: number;
let leaf: string;

beforeEach(async () => {
  h = createHarness();
  ({ assessmentId, leaf } = await manualLeafAssessment(h));
});
afterEach(() => h.dispose());

const save = (points: number, explanation: string) =>
  h.call('answers:save', { assessmentId, code: leaf, answer: { input: { kind: 'manual', points }, notApplicable: false, explanation } });

it('shows the answer, explanation and documents a backup holds, and changes nothing', async () => {
  await save(0.5, 'Giải trình lúc sao lưu');
  const created = await h.call('evidence:create', { assessmentId, code: leaf, draft: { docNumber: '12/KH-UBND', issuedOn: '2026-01-15', issuer: 'UBND', docType: 'plan', summary: 'Kế hoạch CCHC năm 2026' } });
  const upload = path.join(h.dataDir, 'ke-hoach.pdf');
  fs.writeFileSync(upload, pdfBytes(4096));
  await importEvidenceFile(h.ctx.db, h.dataDir, { itemId: created.item!.id, fileName: 'ke-hoach.pdf', source: upload, now: h.ctx.now() });
  const older = await h.call('backups:create', {});
  await save(1, 'Giải trình sau này');

  const { backups } = await h.call('backups:list', {});
  const entry = backups.find((b) => b.fileName === older.fileName)!;
  const before = databaseFileHash(h);
  const detail = await h.call('backups:view', { folder: 'backups', fileName: older.fileName, assessmentId: entry.assessments![0]!.assessmentId });
  const answer = detail.view.answers.find((a) => a.code === leaf)!;
  expect(answer.input).toEqual({ kind: 'manual', points: 0.5 });
  expect(answer.explanation).toBe('Giải trình lúc sao lưu');
  expect(detail.documents[leaf]).toEqual([{ label: '12/KH-UBND ngày 15/01/2026: Kế hoạch CCHC năm 2026', fileNames: ['ke-hoach.pdf'] }]);
  expect(databaseFileHash(h)).toBe(before);
  const live = (await h.call('assessments:open', { assessmentId })).answers.find((a) => a.code === leaf)!;
  expect(live.explanation).toBe('Giải trình sau này');
});

it('reads a backup from an older data version through a migrated temporary copy, leaving the file as it was', async () => {
  const setRow = h.ctx.db.prepare('SELECT * FROM criteria_sets WHERE hash = (SELECT set_hash FROM assessments WHERE id = ?)').get(assessmentId) as Record<string, unknown>;
  const fileName = 'par-20250101-080000-before-upgrade.sqlite';
  const file = path.join(backupsDir(h.dataDir), fileName);
  fs.mkdirSync(backupsDir(h.dataDir), { recursive: true });
  const old = new Database(file);
  migrate(old, 4); // the schema of data version 4: no ordinary agency name yet
  old.prepare(`INSERT INTO criteria_sets (${Object.keys(setRow).join(', ')}) VALUES (${Object.keys(setRow).map(() => '?').join(', ')})`).run(...Object.values(setRow));
  old.exec(`INSERT INTO agencies (id, name, level, place_name, signer_title, signer_name, created_at, updated_at)
            VALUES (1, 'SỞ TƯ PHÁP', 'department', 'Đà Nẵng', 'GIÁM ĐỐC', 'Lê Văn A', '2025-01-01', '2025-01-01')`);
  old.prepare("INSERT INTO assessments (id, agency_id, year, set_hash, status, created_at, updated_at) VALUES (7, 1, 2025, ?, 'draft', '2025-01-01', '2025-01-01')").run(setRow.hash);
  old.prepare("INSERT INTO answers (assessment_id, code, input_json, explanation, points_milli, updated_at) VALUES (7, ?, ?, 'Giải trình năm 2025', 250, '2025-01-01')").run(leaf, JSON.stringify({ kind: 'manual', points: 0.25 }));
  old.pragma('journal_mode = DELETE');
  old.close();
  const bytes = fs.readFileSync(file);

  const detail = await h.call('backups:view', { folder: 'backups', fileName, assessmentId: 7 });
  expect(detail.view.agency.name).toBe('SỞ TƯ PHÁP');
  expect(detail.view.answers.find((a) => a.code === leaf)).toMatchObject({ input: { kind: 'manual', points: 0.25 }, explanation: 'Giải trình năm 2025' });
  expect(fs.readFileSync(file).equals(bytes)).toBe(true);
});

it('refuses a damaged backup and a name outside the backups folder in Vietnamese', async () => {
  const b = await h.call('backups:create', {});
  fs.writeFileSync(path.join(backupsDir(h.dataDir), b.fileName), 'hỏng');
  const damaged = await h.fail('backups:view', { folder: 'backups', fileName: b.fileName, assessmentId });
  expect(damaged.code).toBe('DATABASE_DAMAGED');
  expect(damaged.message).toMatch(/Không mở được .* để xem/);
  const escape = await h.fail('backups:view', { folder: 'backups', fileName: '../par.sqlite', assessmentId });
  expect(escape.message).toMatch(/không hợp lệ/);
});
