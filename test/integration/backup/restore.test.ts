/** Restore from a kept backup through the real dispatch, on real files: the older values come back,
 *  the state before is kept as an undo point, a damaged copy or a hostile name changes nothing, and
 *  after a damaged start the newest good backup brings everything back with every file present. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsDir } from '../../../main/evidence/backup';
import { blobPath } from '../../../main/evidence/blob-store';
import { databasePath } from '../../../main/store/open';
import { manualLeafAssessment } from '../../helpers/manual-leaf-assessment';
import { createHarness, type Harness } from '../../helpers/app-harness';

let h: Harness;
let assessmentId: number;
let leaf: string;

beforeEach(async () => {
  h = createHarness();
  ({ assessmentId, leaf } = await manualLeafAssessment(h));
});
afterEach(() => h.dispose());

const save = (points: number) =>
  h.call('answers:save', { assessmentId, code: leaf, answer: { input: { kind: 'manual', points }, notApplicable: false, explanation: `Giải trình ${points}` } });
const stored = async () => (await h.call('assessments:open', { assessmentId })).answers.find((a) => a.code === leaf)?.input;

describe('backups:list and backups:restore', () => {
  it('lists each backup with what it holds, restores an older one, and keeps the state before as an undo point', async () => {
    await save(0.5);
    const older = await h.call('backups:create', {});
    await save(1);
    const { backups } = await h.call('backups:list', {});
    expect(backups.map((b) => b.fileName)).toContain(older.fileName);
    const entry = backups.find((b) => b.fileName === older.fileName)!;
    expect(entry).toMatchObject({ folder: 'backups', reason: 'manual', restorable: true, problem: null });
    expect(entry.assessments).toEqual([expect.objectContaining({ agencyName: 'SỞ NỘI VỤ', year: 2026, status: 'draft', answeredCount: 1 })]);

    const result = await h.call('backups:restore', { folder: 'backups', fileName: older.fileName });
    expect(await stored()).toEqual({ kind: 'manual', points: 0.5 });
    expect(result.safetyBackup).toMatch(/-before-restore\.sqlite$/);
    h.reopen(); // what was restored is what the next start finds
    expect(await stored()).toEqual({ kind: 'manual', points: 0.5 });

    await h.call('backups:restore', { folder: 'backups', fileName: result.safetyBackup });
    expect(await stored()).toEqual({ kind: 'manual', points: 1 });
  });

  it('refuses a damaged backup and a name outside the backups folder, changing nothing', async () => {
    await save(0.75);
    const b = await h.call('backups:create', {});
    fs.writeFileSync(path.join(backupsDir(h.dataDir), b.fileName), 'hỏng');
    const damaged = await h.fail('backups:restore', { folder: 'backups', fileName: b.fileName });
    expect(damaged.code).toBe('DATABASE_DAMAGED');
    expect(damaged.message).toMatch(/Dữ liệu hiện tại không bị thay đổi/);
    const listed = (await h.call('backups:list', {})).backups.find((x) => x.fileName === b.fileName)!;
    expect(listed).toMatchObject({ restorable: false, assessments: null });
    for (const fileName of ['../par.sqlite', 'par-x/../../par.sqlite', 'par.sqlite']) {
      expect((await h.fail('backups:restore', { folder: 'backups', fileName })).code).toBe('INVALID_INPUT');
    }
    expect((await h.fail('backups:restore', { folder: 'backups', fileName: 'par-20990101-000000.sqlite' })).code).toBe('NOT_FOUND');
    expect(await stored()).toEqual({ kind: 'manual', points: 0.75 });
  });

  it('after a zeroed database at start, the recovery notice shows and the newest good backup brings back the answers and files', async () => {
    await save(0.25);
    const item = await h.call('evidence:create', { assessmentId, code: leaf, draft: { docNumber: '12/KH', issuedOn: '2026-02-01', issuer: 'UBND', docType: 'plan', summary: 'Kế hoạch' } });
    const file = path.join(h.dataDir, 'k.pdf');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 7)]));
    const { importEvidenceFile } = await import('../../../main/evidence/import-file');
    const imported = await importEvidenceFile(h.ctx.db, h.dataDir, { itemId: item.item!.id, fileName: 'k.pdf', source: file, now: h.ctx.now() });
    const good = await h.call('backups:create', {});
    h.ctx.close();
    fs.writeFileSync(databasePath(h.dataDir), '');
    for (const s of ['-wal', '-shm']) fs.rmSync(databasePath(h.dataDir) + s, { force: true });
    const { createAppContext } = await import('../../../main/startup/app-context');
    h.ctx = createAppContext({ dataDir: h.dataDir, mode: 'test' });

    const listed = await h.call('backups:list', {});
    expect(listed.recovery).toMatchObject({ problem: 'empty', message: expect.stringContaining('Hãy khôi phục từ bản sao lưu') });
    expect(listed.backups.find((b) => b.folder === 'recovery')).toMatchObject({ reason: 'recovered', restorable: false });
    await h.call('backups:restore', { folder: 'backups', fileName: good.fileName });
    expect((await h.call('backups:list', {})).recovery).toBeNull();
    expect(await stored()).toEqual({ kind: 'manual', points: 0.25 });
    expect(fs.existsSync(blobPath(h.dataDir, imported.hash))).toBe(true);
  });
});
