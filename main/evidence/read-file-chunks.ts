/**
 * Reads a file in large chunks (4 MiB: SHA-256 over the default 64 KiB stream chunks is 2–3×
 * slower, TOOLCHAIN.md) through THREE reused buffers, reading one chunk ahead. Memory stays at
 * 3 × chunk size whatever the file size, and no garbage piles up between collections (a read
 * stream allocates a fresh 4 MiB buffer per chunk).
 *
 * The contract with the consumer (streamToTemp): a yielded chunk stays untouched until the
 * consumer has pulled TWO more chunks. When chunk k is yielded, chunk k+1 is being read into the
 * next buffer; pulling chunk k+1 starts the read of k+2 into the buffer of k−1. streamToTemp keeps
 * at most one write in flight (chunk k−1 is written by the time it hands chunk k to the writer) and
 * copies the few bytes it holds back for the type check.
 */
import fs from 'node:fs';

const BUFFERS = 3;

type ReadResult = { bytesRead: number };

export async function* readFileChunks(file: string, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  const buffers = Array.from({ length: BUFFERS }, () => Buffer.allocUnsafe(chunkBytes));
  let pending: Promise<ReadResult> | undefined;
  try {
    let index = 0;
    pending = handle.read(buffers[0]!, 0, chunkBytes, null);
    for (;;) {
      const { bytesRead } = await pending;
      pending = undefined;
      if (bytesRead === 0) return;
      const current = buffers[index % BUFFERS]!.subarray(0, bytesRead);
      index++;
      pending = handle.read(buffers[index % BUFFERS]!, 0, chunkBytes, null);
      pending.catch(() => {}); // awaited on the next pull; if there is none, close() waits for it
      yield current;
    }
  } finally {
    await pending?.catch(() => {});
    await handle.close();
  }
}
