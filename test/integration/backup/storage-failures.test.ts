/**
 * A full disk and a read-only data folder, on a real small tmpfs: each gives a Vietnamese message
 * that says what to do, and nothing is changed (no half-saved answer, no lost backup, no blob).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppContext } from '../../../main/startup/app-context';
import { databasePath } from '../../../main/store/open';
import { leavesOf } from '../../../shared/domain/criteria-tree';
import { agencyDraft } from '../../helpers/agency-fixture';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../../helpers/small-disk';

const why = smallDiskUnavailable('full disk and read-only folder tests');

let disk: SmallDisk | undefined;
let h: Harness | undefined;
afterEach(() => {
  if (h?.ctx.db.open) h.ctx.close();
  h = undefined;
  disk?.unmount();
  disk = undefined;
});

async function scoredAssessment(harness: Harness): Promise<{ assessmentId: number }> {
  const agency = await harness.call('agencies:create', agencyDraft());
  const { sets } = await harness.call('criteriaSets:list', {});
  const set = sets.find((s) => s.level === 'department')!;
  const a = await harness.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: set.hash });
  return { assessmentId: a.id };
}

describe.skipIf(why !== null)('storage that says no', () => {
  it('a full disk: saving an answer and a backup say DISK_FULL in Vietnamese; the stored answer is unchanged', async () => {
    disk = mountSmallDisk(24 * 1024 * 1024) as SmallDisk;
    h = createHarness(path.join(disk.dir, 'data'));
    const { assessmentId } = await scoredAssessment(h);
    const view = await h.call('assessments:open', { assessmentId });
    const leaf = leavesOf(view.set).find((v) => v.part === 'main' && v.node.rule?.kind === 'manual')!.node.code;
    await h.call('answers:save', { assessmentId, code: leaf, answer: { input: { kind: 'manual', points: 0.5 }, notApplicable: false, explanation: 'trước' } });
    disk.fill(0);
    const saveFailure = await h.fail('answers:save', { assessmentId, code: leaf, answer: { input: { kind: 'manual', points: 1 }, notApplicable: false, explanation: 'x'.repeat(4000) } });
    const backupFailure = await h.fail('backups:create', {});
    for (const f of [saveFailure, backupFailure]) {
      expect(f.code).toBe('DISK_FULL');
      expect(f.message).toMatch(/^Ổ đĩa chứa dữ liệu đã đầy/);
    }
    fs.rmSync(path.join(disk.dir, 'filler.bin'));
    const after = await h.call('assessments:open', { assessmentId });
    expect(after.answers.find((a) => a.code === leaf)).toMatchObject({ input: { kind: 'manual', points: 0.5 }, explanation: 'trước' });
  });

  it('a read-only data folder: READ_ONLY at start-up naming the folder, nothing written', async () => {
    disk = mountSmallDisk(8 * 1024 * 1024) as SmallDisk;
    const dataDir = path.join(disk.dir, 'data');
    const first = createAppContext({ dataDir, mode: 'web', installSamples: false });
    first.close();
    const before = fs.readFileSync(databasePath(dataDir));
    disk.readOnly();
    expect(() => createAppContext({ dataDir, mode: 'web', installSamples: false })).toThrow(
      expect.objectContaining({ code: 'READ_ONLY', message: expect.stringMatching(/^Thư mục dữ liệu .* chỉ cho phép đọc .*Hãy kiểm tra quyền ghi/) }),
    );
    expect(fs.readFileSync(databasePath(dataDir)).equals(before)).toBe(true);
  });
});
