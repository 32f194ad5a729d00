/** The handle of a picked file's import: it asks main to import, polls progress while it runs
 *  (and stops when it settles), reports "every byte read", and cancels through main. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PickedFileProgress } from '../../../shared/api/channels/evidence';
import type { ImportedFile } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import { importPickedFile, PICKED_POLL_MS, type PickedImportCalls } from '../../../renderer/api/picked-import';

const file = { pickId: 'ab'.repeat(16), name: 'Báo cáo.pdf', size: 1000 };
const stored: ImportedFile = { fileId: 3, itemId: 9, displayName: 'Báo cáo.pdf', mediaType: 'application/pdf', size: 1000, hash: 'f'.repeat(64), deduplicated: false, alreadyOnItems: [] };

/** Main as the handle sees it: progress set by the test, the import settled by the test. */
function fakeMain() {
  let progress: PickedFileProgress[] = [];
  let settle!: (r: Result<ImportedFile>) => void;
  const log: string[] = [];
  const calls: PickedImportCalls = {
    'evidence:importPicked': (input) => {
      log.push(`import ${JSON.stringify(input)}`);
      return new Promise((resolve) => (settle = resolve));
    },
    'evidence:pickedProgress': ({ pickIds }) => {
      log.push('progress');
      return Promise.resolve({ ok: true, value: { progress: progress.filter((p) => pickIds.includes(p.pickId)) } });
    },
    'evidence:cancelPicked': ({ pickId }) => {
      log.push(`cancel ${pickId}`);
      return Promise.resolve({ ok: true, value: { cancelled: true } });
    },
  };
  return {
    calls,
    log,
    setProgress: (bytesDone: number, running = true) => (progress = [{ pickId: file.pickId, bytesDone, bytesTotal: file.size, running }]),
    settle: (r: Result<ImportedFile>) => settle(r),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('importPickedFile', () => {
  it('imports into the item of the assessment, reports polled progress, then storing, and stops polling once settled', async () => {
    const main = fakeMain();
    const onProgress = vi.fn();
    const onSent = vi.fn();
    const handle = importPickedFile(main.calls, file, { assessmentId: 4, itemId: 9 }, { onProgress, onSent });
    expect(main.log).toEqual([`import {"assessmentId":4,"itemId":9,"pickId":"${file.pickId}"}`]);

    main.setProgress(400);
    await vi.advanceTimersByTimeAsync(PICKED_POLL_MS);
    expect(onProgress).toHaveBeenLastCalledWith({ loaded: 400, total: 1000 });
    expect(onSent).not.toHaveBeenCalled();

    main.setProgress(1000);
    await vi.advanceTimersByTimeAsync(PICKED_POLL_MS);
    expect(onSent).toHaveBeenCalledTimes(1);

    main.settle({ ok: true, value: stored });
    await expect(handle.promise).resolves.toEqual({ ok: true, value: stored });
    const polls = main.log.filter((l) => l === 'progress').length;
    await vi.advanceTimersByTimeAsync(PICKED_POLL_MS * 10);
    expect(main.log.filter((l) => l === 'progress').length).toBe(polls);
  });

  it('reports nothing for an import main does not run yet or any more', async () => {
    const main = fakeMain();
    const onProgress = vi.fn();
    importPickedFile(main.calls, file, { assessmentId: 4, itemId: 9 }, { onProgress });
    await vi.advanceTimersByTimeAsync(PICKED_POLL_MS * 2);
    main.setProgress(1000, false);
    await vi.advanceTimersByTimeAsync(PICKED_POLL_MS * 2);
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('cancels through main, and settles with what main answers', async () => {
    const main = fakeMain();
    const handle = importPickedFile(main.calls, file, { assessmentId: 4, itemId: 9 });
    handle.abort();
    expect(main.log).toContain(`cancel ${file.pickId}`);
    main.settle({ ok: false, error: { code: 'CANCELLED', message: 'Đã hủy đính kèm tệp; không có gì được lưu.' } });
    await expect(handle.promise).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
