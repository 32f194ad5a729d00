/**
 * The streaming half of an upload (web mode) or a package's entry: chunks → SHA-256 + a temp file
 * under <data>/evidence/tmp/, with the size limit, the content-signature check on the first bytes
 * (before anything is written), cancellation and throttled progress. Memory stays flat: one chunk
 * is hashed while the previous one is being written and the source reads the next (read, hash and
 * write overlap). A chunk is written by the time the chunk after the next is pulled (a source may
 * reuse its buffers on that contract). A file chosen by path takes path-to-temp.ts or
 * small-file.ts instead. On any failure the temp file is removed; on success it is fsynced and
 * closed, ready to publish.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppFailure } from '../../shared/api/result';
import { createTempFile, removeTempFile } from './blob-store';
import { detectType, HEAD_BYTES, type Previewable } from '../../shared/files/file-types';
import { cancelled, diskFull, emptyFile, fileChanged, isDiskFullError, tooLarge, unsupportedType } from './import-failures';
import { TempWriter } from './temp-writer';

export const PROGRESS_INTERVAL_MS = 100;

export interface StreamOptions {
  /** The sanitized display name (its extension decides the expected type). */
  fileName: string;
  maxBytes: number;
  /** Expected size for progress, when known. */
  total: number | null;
  signal?: AbortSignal | undefined;
  onProgress?: ((bytesDone: number, bytesTotal: number | null) => void) | undefined;
}

export interface StreamedFile {
  tempFile: string;
  hash: string;
  size: number;
  mediaType: string;
  previewable: Previewable;
}

/** Rejects with CANCELLED when the signal fires; the returned `off` removes the listener. */
function abortPromise(signal: AbortSignal): { promise: Promise<never>; off: () => void } {
  let off = () => {};
  const promise = new Promise<never>((_resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    off = () => signal.removeEventListener('abort', onAbort);
  });
  promise.catch(() => {});
  return { promise, off };
}

/** The source's chunks, cancellable even while a slow source (an upload) is waiting; an error of
 *  the source itself (an aborted upload, a file gone) becomes FILE_CHANGED. */
async function* guardedChunks(source: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  const abort = signal ? abortPromise(signal) : undefined;
  let finished = false;
  try {
    for (;;) {
      if (signal?.aborted) throw cancelled();
      let step: IteratorResult<Uint8Array>;
      try {
        step = await (abort ? Promise.race([it.next(), abort.promise]) : it.next());
      } catch (err) {
        if (err instanceof AppFailure) throw err;
        throw signal?.aborted ? cancelled() : fileChanged();
      }
      if (step.done) {
        finished = true;
        return;
      }
      yield step.value;
    }
  } finally {
    abort?.off();
    // Not awaited: a stalled source would keep us waiting; for a file stream this closes it.
    if (!finished) it.return?.()?.catch(() => {});
  }
}

/** Writes whole chunks in order, at most one in flight, so hashing the next chunk overlaps the
 *  write (temp-writer.ts adds the background syncs). */
class OverlappedWriter {
  private inFlight: Promise<void> | undefined;
  private position = 0;
  private readonly writer: TempWriter;
  constructor(handle: fs.promises.FileHandle) {
    this.writer = new TempWriter(handle);
  }

  async write(chunk: Uint8Array): Promise<void> {
    await this.flush();
    const pending = this.writer.write(chunk, this.position);
    this.position += chunk.length;
    pending.catch(() => {}); // awaited by the next write or flush
    this.inFlight = pending;
  }

  async flush(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = undefined;
    await pending;
  }

  /** Waits for the last write and any background sync, then makes the data durable. */
  async finish(): Promise<void> {
    await this.flush();
    await this.writer.finish();
  }

  /** Leaves no write or sync running (before the file is closed and removed after a failure). */
  async settle(): Promise<void> {
    await Promise.allSettled([this.flush(), this.writer.settle()]);
  }
}

/** Collects the first HEAD_BYTES and holds the chunks back until the type is known. */
class HeadCheck {
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  type: { mediaType: string; previewable: Previewable } | undefined;

  constructor(private readonly fileName: string) {}

  /** Returns the chunks that may be written now. A chunk held until a later one arrives is
   *  copied (fewer than HEAD_BYTES in all): the source may reuse its buffer. */
  add(chunk: Uint8Array): Uint8Array[] {
    if (this.type) return [chunk];
    this.heldBytes += chunk.length;
    if (this.heldBytes >= HEAD_BYTES) {
      this.held.push(chunk);
      return this.decide();
    }
    this.held.push(chunk.slice());
    return [];
  }

  /** At the end of a file smaller than HEAD_BYTES. */
  decide(): Uint8Array[] {
    if (this.type) return [];
    const head = Buffer.concat(this.held, Math.min(this.heldBytes, HEAD_BYTES));
    const detected = detectType(this.fileName, head);
    if (!detected.ok) throw unsupportedType(detected.message);
    this.type = { mediaType: detected.mediaType, previewable: detected.previewable };
    const release = this.held;
    this.held = [];
    return release;
  }
}

export function progressReporter(opts: StreamOptions): (done: number, force?: boolean) => void {
  let last = -Infinity;
  return (done, force = false) => {
    if (!opts.onProgress) return;
    const now = performance.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    opts.onProgress(done, opts.total);
  };
}

async function copyAndHash(source: AsyncIterable<Uint8Array>, handle: fs.promises.FileHandle, opts: StreamOptions): Promise<Omit<StreamedFile, 'tempFile'>> {
  const hash = crypto.createHash('sha256');
  const writer = new OverlappedWriter(handle);
  const head = new HeadCheck(opts.fileName);
  const report = progressReporter(opts);
  let size = 0;
  try {
    for await (const chunk of guardedChunks(source, opts.signal)) {
      size += chunk.length;
      if (size > opts.maxBytes) throw tooLarge(opts.maxBytes);
      hash.update(chunk);
      for (const ready of head.add(chunk)) await writer.write(ready);
      report(size);
    }
    if (size === 0) throw emptyFile();
    for (const ready of head.decide()) await writer.write(ready);
    await writer.finish();
  } catch (err) {
    await writer.settle(); // no write may still run when the file is closed and removed
    throw err;
  }
  if (opts.signal?.aborted) throw cancelled();
  report(size, true);
  const type = head.type ?? { mediaType: 'application/octet-stream', previewable: null };
  return { hash: hash.digest('hex'), size, ...type };
}

function translateWriteError(err: unknown): unknown {
  return isDiskFullError(err) ? diskFull() : err;
}

/** Streams `source` into a new temp file; the caller publishes it (or removes it) afterwards. */
export async function streamToTemp(dataDir: string, source: AsyncIterable<Uint8Array>, opts: StreamOptions): Promise<StreamedFile> {
  const { file: tempFile, handle } = await createTempFile(dataDir);
  let closed = false;
  try {
    const result = await copyAndHash(source, handle, opts);
    closed = true;
    await handle.close();
    return { tempFile, ...result };
  } catch (err) {
    if (!closed) await handle.close().catch(() => {});
    await removeTempFile(tempFile);
    throw translateWriteError(err);
  }
}
