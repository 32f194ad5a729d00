/** The temp writer must not forget a failed background sync: on Linux a write-back error is
 *  reported once per open file, so the final sync may succeed although data was lost. */
import type fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TempWriter } from '../../../main/evidence/temp-writer';

/** A file handle (the OS boundary) whose first datasync fails with EIO and later ones succeed. */
function flakyHandle() {
  const calls = { datasync: 0, written: 0 };
  const handle = {
    write: async (bytes: Uint8Array, offset: number, length: number) => {
      calls.written += length;
      return { bytesWritten: length, buffer: bytes.subarray(offset) };
    },
    datasync: async () => {
      calls.datasync++;
      if (calls.datasync === 1) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    },
  };
  return { handle: handle as unknown as fs.promises.FileHandle, calls };
}

describe('TempWriter', () => {
  it('fails finish() when a background sync failed, even though the final sync succeeds', async () => {
    const { handle, calls } = flakyHandle();
    const writer = new TempWriter(handle, 1024);
    await writer.write(new Uint8Array(2048), 0); // starts a background sync, which fails
    await new Promise((resolve) => setTimeout(resolve, 10)); // …and is over before finish()
    await writer.write(new Uint8Array(10), 2048);
    await expect(writer.finish()).rejects.toMatchObject({ code: 'EIO' });
    expect(calls.written).toBe(2058);
  });

  it('finishes with one final sync when nothing failed', async () => {
    const { handle, calls } = flakyHandle();
    calls.datasync = 1; // the failing first call is used up
    const writer = new TempWriter(handle, 1 << 20);
    await writer.write(new Uint8Array(100), 0);
    await writer.finish();
    expect(calls.datasync).toBe(2);
  });
});
