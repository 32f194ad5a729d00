/**
 * The temp file's side of an import: positional writes (several may run at once) and background
 * data syncs. Every `syncEveryBytes` it starts an fdatasync in the background, so the disk writes
 * back while reading and hashing go on, instead of flushing a whole large file at the end (with
 * gigabytes of RAM, a large file can pile up in the cache before write-back starts on its own).
 * Shared by path imports (path-to-temp.ts) and streamed ones (stream-to-temp.ts).
 */
import type fs from 'node:fs';

/** 16, 32 and 64 MiB measured alike on 1 GB; with none (one flush of everything at the end) runs
 *  were slower, up to several times in a plain write loop. */
export const SYNC_EVERY_BYTES = 32 * 1024 * 1024;

export class TempWriter {
  private syncing: Promise<void> | undefined;
  private unsynced = 0;
  /** A background sync's failure, kept for finish(): on Linux a write-back error is reported once
   *  per open file, so the final datasync could succeed although earlier data never reached the disk. */
  private syncError: unknown;

  constructor(
    private readonly handle: fs.promises.FileHandle,
    private readonly syncEveryBytes = SYNC_EVERY_BYTES,
  ) {}

  async write(bytes: Uint8Array, position: number): Promise<void> {
    for (let done = 0; done < bytes.length; ) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, position + done);
      done += bytesWritten;
    }
    this.unsynced += bytes.length;
    if (this.unsynced >= this.syncEveryBytes && !this.syncing) this.startSync();
  }

  /** The data and the size, once every write has finished (the name is made durable by publishBlob). */
  async finish(): Promise<void> {
    await this.settle();
    if (this.syncError !== undefined) throw this.syncError;
    await this.handle.datasync();
  }

  /** Leaves no sync running. */
  async settle(): Promise<void> {
    await Promise.allSettled([this.syncing]);
  }

  private startSync(): void {
    this.unsynced = 0;
    const syncing = this.handle.datasync().finally(() => {
      if (this.syncing === syncing) this.syncing = undefined;
    });
    syncing.catch((err: unknown) => {
      this.syncError ??= err; // thrown by finish()
    });
    this.syncing = syncing;
  }
}
