/** "Mở bằng ứng dụng của hệ thống": the copy handed to the system application lives in a private
 *  folder of the data folder (never a shared folder of the system temp folder that another user
 *  could create first), and on Windows it carries the Mark of the Web so Office opens it in
 *  Protected View. Real database, real files; only Electron's shell.openPath is stood in for. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { packagedAssessment } from '../../helpers/package-fixture';

let h: Harness;
const opened: string[] = [];

beforeAll(async () => {
  h = createHarness();
  await packagedAssessment(h);
  h.ctx.desktop = { openPath: (file) => (opened.push(file), Promise.resolve('')), pickEvidenceFiles: () => Promise.resolve([]) };
});
afterAll(() => h.dispose());

it('copies into a private folder of the data folder, not the shared temp folder', async () => {
  const fileId = (h.ctx.db.prepare('SELECT id FROM evidence_files ORDER BY id LIMIT 1').get() as { id: number }).id;
  await h.call('evidence:openWithSystem', { fileId });
  const copy = opened.at(-1)!;
  expect(copy.startsWith(path.join(h.dataDir, 'mo-tep') + path.sep)).toBe(true);
  expect(copy.startsWith(os.tmpdir() + path.sep + 'par-mo-tep')).toBe(false);
  expect(fs.readFileSync(copy).subarray(0, 5).toString()).toBe('%PDF-');
  if (process.platform !== 'win32') {
    expect(fs.statSync(path.join(h.dataDir, 'mo-tep')).mode & 0o077).toBe(0);
    expect(fs.statSync(path.dirname(copy)).mode & 0o077).toBe(0);
  }
});

it('refuses a copies folder that is a symbolic link (planted by someone else)', async () => {
  const root = path.join(h.dataDir, 'mo-tep');
  fs.rmSync(root, { recursive: true, force: true });
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'par-planted-'));
  fs.symlinkSync(elsewhere, root);
  const fileId = (h.ctx.db.prepare('SELECT id FROM evidence_files ORDER BY id LIMIT 1').get() as { id: number }).id;
  const err = await h.fail('evidence:openWithSystem', { fileId });
  expect(err.message).toMatch(/Thư mục tạm để mở tệp .* không an toàn/);
  expect(fs.readdirSync(elsewhere)).toEqual([]);
  fs.rmSync(root);
});
