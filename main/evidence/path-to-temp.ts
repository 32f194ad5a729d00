/**
 * The streaming half of importing a LARGE file chosen by path: its bytes → a temp file under
 * <data>/evidence/tmp/, hashed on the worker thread (hash-worker.ts), with the same checks as
 * streamToTemp: the content signature of the first chunk before anything is written, the size
 * limit, cancellation, throttled progress, and a file that grows past its size is refused at once.
 *
 * Reading, hashing and writing overlap: chunk k is hashed (worker) and written (thread pool) while
 * chunk k+1 is read, through a ring of SLOTS chunk-sized parts of one SharedArrayBuffer; a part is
 * read into again only after both its hash and its write have finished, so the hash covers exactly
 * the bytes written and memory stays at SLOTS × chunk whatever the file size.
 *
 * Every SYNC_EVERY_BYTES (temp-writer.ts) an fdatasync starts in the background: write-back then runs while we keep
 * copying, instead of a whole gigabyte being flushed at the end (measured here: without it the
 * final flush of 1 GB takes seconds). On success the temp file is fsynced and closed; on any
 * failure nothing is left running and the temp file is removed.
 *
 * Why not let the OS copy (fs.copyFile, with the worker hashing the source beside it)? Measured
 * here it took 1.1–1.3× a bare copyFile, but the bytes hashed are then not the bytes written, and
 * Node's copyFile never returned when the source was truncated during the copy (observed: a test
 * hung past 60 s, a thread-pool thread stuck), nor can it be cancelled midway. Not for evidence.
 */
import fs from 'node:fs';
import { removeTempFile, type TempFile } from './blob-store';
import { detectType } from '../../shared/files/file-types';
import { HashJob } from './hash-worker';
import { cancelled, diskFull, fileChanged, isDiskFullError, tooLarge, unsupportedType } from './import-failures';
import { progressReporter, type StreamedFile, type StreamOptions } from './stream-to-temp';
import { TempWriter } from './temp-writer';

/**
 * 512 KiB chunks in a ring of 8 (4 MiB in all). Measured here on 1 GB, each variant alternated
 * with the others and with copyFile: 4 MiB chunks (ring of 4) took 2–4× longer than 512 KiB ones,
 * 1 and 2 MiB were in between, 256 KiB slower again (per-chunk overhead). perf put the extra time
 * in the kernel's copy of our writes into the page cache (in this VM, probably the larger page-cache
 * folios that big writes get, which the hypervisor has to fault back in). Still far above the
 * 64 KiB stream default that TOOLCHAIN.md warns about.
 */
const CHUNK_BYTES = 512 * 1024;
const SLOTS = 8;

export interface PathCopyOptions extends StreamOptions {
  /** The size stat gave before the copy; more bytes than this means the file is changing. */
  expectedSize: number;
}

interface Ring {
  memory: SharedArrayBuffer;
  views: Buffer[];
  /** Per slot: the hash and the write of the chunk in it (undefined when free). */
  busy: (Promise<void> | undefined)[];
}

function newRing(): Ring {
  const memory = new SharedArrayBuffer(SLOTS * CHUNK_BYTES);
  const views = Array.from({ length: SLOTS }, (_, i) => Buffer.from(memory, i * CHUNK_BYTES, CHUNK_BYTES));
  return { memory, views, busy: Array.from({ length: SLOTS }, () => undefined) };
}

async function readAt(source: fs.promises.FileHandle, into: Buffer, position: number): Promise<number> {
  try {
    return (await source.read(into, 0, into.length, position)).bytesRead;
  } catch {
    throw fileChanged(); // the file went away under us (a removed USB stick, a network share)
  }
}

async function copyHashed(source: fs.promises.FileHandle, target: fs.promises.FileHandle, opts: PathCopyOptions): Promise<Omit<StreamedFile, 'tempFile'>> {
  const ring = newRing();
  const job = new HashJob(ring.memory);
  const writer = new TempWriter(target);
  const report = progressReporter(opts);
  let type: ReturnType<typeof detectType> | undefined;
  let size = 0;
  let reading = readAt(source, ring.views[0]!, 0);
  try {
    for (let k = 0; ; k++) {
      const slot = k % SLOTS;
      const length = await reading;
      if (length === 0) break;
      const chunk = ring.views[slot]!.subarray(0, length);
      if (!type) {
        type = detectType(opts.fileName, chunk);
        if (!type.ok) throw unsupportedType(type.message);
      }
      const position = size;
      size += length;
      if (size > opts.maxBytes) throw tooLarge(opts.maxBytes);
      if (size > opts.expectedSize) throw fileChanged();
      const next = (k + 1) % SLOTS;
      await ring.busy[next];
      reading = size === opts.expectedSize ? readAt(source, ring.views[next]!.subarray(0, 1), size) : readAt(source, ring.views[next]!, size);
      reading.catch(() => {}); // awaited on the next turn, or settled below
      const busy = Promise.all([job.update(slot * CHUNK_BYTES, length), writer.write(chunk, position)]).then(() => {});
      busy.catch(() => {}); // awaited before the slot is reused, or settled below
      ring.busy[slot] = busy;
      report(size);
      if (opts.signal?.aborted) throw cancelled();
    }
    await Promise.all(ring.busy);
    const [hash] = await Promise.all([job.digest(), writer.finish()]);
    if (!type?.ok) throw fileChanged(); // no byte at all: the file was emptied after stat
    if (opts.signal?.aborted) throw cancelled();
    report(size, true);
    return { hash, size, mediaType: type.mediaType, previewable: type.previewable };
  } catch (err) {
    job.drop();
    // Nothing may still read into, hash or write from the ring once we return.
    await Promise.allSettled([reading, ...ring.busy, writer.settle()]);
    throw err;
  }
}

/** Copies the file at `file` into the temp file `opening` (removed on failure); the caller
 *  verifies the source, then publishes. */
export async function pathToTemp(file: string, opts: PathCopyOptions, opening: Promise<TempFile>): Promise<StreamedFile> {
  let source: fs.promises.FileHandle | undefined;
  let temp: TempFile | undefined;
  let closed = false;
  try {
    temp = await opening;
    source = await fs.promises.open(file, 'r').catch(() => {
      throw fileChanged(); // it was there at stat
    });
    const result = await copyHashed(source, temp.handle, opts);
    closed = true;
    await temp.handle.close();
    return { tempFile: temp.file, ...result };
  } catch (err) {
    if (temp) {
      if (!closed) await temp.handle.close().catch(() => {});
      await removeTempFile(temp.file);
    }
    throw isDiskFullError(err) ? diskFull() : err;
  } finally {
    await source?.close().catch(() => {});
  }
}
