/** The page's cancel of an evidence upload: main is asked first (app:// has no abort), then the request closes, unless the file is already stored. */
import { describe, expect, it } from 'vitest';
import { UPLOAD_ID_PATTERN } from '../../../shared/api/channels/evidence';
import type { Result } from '../../../shared/api/result';
import { cancelThenAbort, newUploadId } from '../../../renderer/api/upload-cancel';

function run(answer: Result<{ cancelled: boolean }> | Error) {
  const log: string[] = [];
  const cancel = (id: string) => {
    log.push(`cancel ${id}`);
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { log, done: cancelThenAbort('ab'.repeat(16), cancel, () => log.push('abort')) };
}

describe('cancelThenAbort', () => {
  it('asks main to cancel by id, then closes the request', async () => {
    const { log, done } = run({ ok: true, value: { cancelled: true } });
    expect(log).toEqual([`cancel ${'ab'.repeat(16)}`]); // the request stays open until main has the cancel
    await done;
    expect(log).toEqual([`cancel ${'ab'.repeat(16)}`, 'abort']);
  });

  it('keeps the request open when main says the file is already stored (its answer is shown)', async () => {
    const { log, done } = run({ ok: true, value: { cancelled: false } });
    await done;
    expect(log).not.toContain('abort');
  });

  it('closes the request when main cannot be asked', async () => {
    for (const answer of [{ ok: false, error: { code: 'INTERNAL', message: 'x' } } as const, new Error('offline')]) {
      const { log, done } = run(answer);
      await done;
      expect(log.at(-1)).toBe('abort');
    }
  });
});

describe('newUploadId', () => {
  it('is 32 lowercase hex digits the backend accepts, different each time', () => {
    const a = newUploadId();
    expect(a).toMatch(UPLOAD_ID_PATTERN);
    expect(newUploadId()).not.toBe(a);
    expect(newUploadId(() => new Uint8Array(16).fill(0xab))).toBe('ab'.repeat(16));
  });
});
