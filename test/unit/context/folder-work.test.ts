/** The folder job's gate: a job waits for requests in flight, refuses new ones while it runs, gives
 *  up (changing nothing) when a request does not finish in time, and staged archives expire. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderWork, STAGED_ARCHIVE_TTL_MS } from '../../../main/context/folder-work';

describe('FolderWork', () => {
  it('a job waits for the request in flight and keeps new ones out until it ends', async () => {
    const work = new FolderWork();
    const leave = work.enter();
    let ran = false;
    const job = work.exclusive('move', async (progress) => {
      ran = true;
      progress('copying', 5, 10);
      expect(work.job).toEqual({ kind: 'move', phase: 'copying', doneBytes: 5, totalBytes: 10 });
      return 'xong';
    });
    expect(work.job?.phase).toBe('waiting');
    expect(() => work.enter()).toThrow(/đang chuyển dữ liệu sang thư mục mới/);
    await expect(work.exclusive('restore', async () => 'hai')).rejects.toThrow(/đang chuyển dữ liệu/);
    expect(ran).toBe(false);
    leave();
    await expect(job).resolves.toBe('xong');
    expect(work.job).toBeNull();
    work.enter()();
  });

  it('gives up when a request does not finish in time, and nothing ran', async () => {
    const work = new FolderWork();
    work.enter();
    let ran = false;
    await expect(work.exclusive('move', async () => (ran = true), 20)).rejects.toThrow(/còn đang làm việc khác.*Chưa có gì bị thay đổi/);
    expect(ran).toBe(false);
    expect(work.job).toBeNull();
  });

  it('an uploaded archive is removed when discarded or after an hour; a picked one is never touched', () => {
    let now = 0;
    const work = new FolderWork(() => now);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-staged-'));
    try {
      const uploaded = path.join(dir, 'tai-len.zip');
      const picked = path.join(dir, 'usb.zip');
      fs.writeFileSync(uploaded, 'x');
      fs.writeFileSync(picked, 'x');
      const a = work.stage({ file: uploaded, fileName: 'a.zip', owned: true });
      const b = work.stage({ file: picked, fileName: 'b.zip', owned: false });
      expect(work.staging(a).fileName).toBe('a.zip');
      now = STAGED_ARCHIVE_TTL_MS + 1;
      expect(() => work.staging(a)).toThrow(/hãy chọn lại tệp/);
      expect(fs.existsSync(uploaded)).toBe(false);
      expect(work.discard(b)).toBe(false);
      expect(fs.existsSync(picked)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
