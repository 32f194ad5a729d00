/**
 * A worker thread for the evidence import: SHA-256 of large files, and small files read whole.
 *
 * Hashing: on two cores, hashing runs beside the reads and writes of a large import instead of
 * taking turns with them on the main thread (hashing 1 GB is ~0.7 s of CPU here, as much as the
 * copy itself). The chunks are NOT copied: the import reads them into a SharedArrayBuffer, posts
 * "hash bytes [offset, offset + length) of job j", writes the same bytes to the temp file, and
 * reuses that part of the buffer only once both the hash and the write of it have finished. What
 * is hashed is therefore exactly what was written. The worker hashes the updates of a job in the
 * order they were posted (postMessage keeps order).
 *
 * Small files: stat, open, read, close, stat again and hash with blocking calls on the worker, in
 * ONE round trip, instead of five thread-pool round trips from the main thread (each costs a tenth
 * of a millisecond or more on a busy machine; a small import is a few milliseconds in all). The
 * bytes come back transferred (not copied) with their hash; the caller checks and writes those
 * very bytes. A slow network share blocks the worker, never the main thread.
 *
 * One worker serves every import; it is started on first use from inline JavaScript (no separate
 * file to bundle for Electron, tsx and vitest alike), holds the process open only while a request
 * is pending, and is replaced if it ever dies.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const jobs = new Map();
const statOf = (s) => ({ isFile: s.isFile(), size: s.size, mtimeMs: s.mtimeMs });
function readSmall(m) {
  let before;
  try {
    before = statOf(fs.statSync(m.file));
  } catch (err) {
    if (err && err.code === 'ENOENT') return { id: m.id, missing: true };
    throw err;
  }
  if (!before.isFile || before.size === 0 || before.size > m.maxRead) return { id: m.id, before };
  const bytes = new Uint8Array(before.size + 1); // one byte more: growth shows
  let got = 0;
  let fd;
  try {
    fd = fs.openSync(m.file, 'r');
    for (;;) {
      const n = fs.readSync(fd, bytes, got, bytes.length - got, got);
      got += n;
      if (n === 0 || got >= before.size) break;
    }
  } catch {
    return { id: m.id, before, unreadable: true };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  let after = null;
  try {
    after = statOf(fs.statSync(m.file));
  } catch {}
  const hex = createHash('sha256').update(bytes.subarray(0, got)).digest('hex');
  return { id: m.id, before, after, got, hex, bytes: bytes.buffer };
}
parentPort.on('message', (m) => {
  try {
    if (m.op === 'start') return void jobs.set(m.job, { hash: createHash('sha256'), memory: new Uint8Array(m.memory) });
    if (m.op === 'drop') return void jobs.delete(m.job);
    if (m.op === 'readSmall') {
      const reply = readSmall(m);
      return parentPort.postMessage(reply, reply.bytes ? [reply.bytes] : []);
    }
    const job = jobs.get(m.job);
    if (!job) throw new Error('unknown hash job ' + m.job);
    if (m.op === 'update') {
      job.hash.update(job.memory.subarray(m.offset, m.offset + m.length));
      parentPort.postMessage({ id: m.id });
    } else {
      jobs.delete(m.job);
      parentPort.postMessage({ id: m.id, hex: job.hash.digest('hex') });
    }
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String((err && err.message) || err), code: err && err.code });
  }
});
`;

export interface SourceStat {
  isFile: boolean;
  size: number;
  mtimeMs: number;
}

interface Reply {
  id: number;
  error?: string;
  code?: string;
  hex?: string;
  missing?: boolean;
  unreadable?: boolean;
  before?: SourceStat;
  after?: SourceStat | null;
  got?: number;
  bytes?: ArrayBuffer;
}

interface Waiter {
  resolve: (reply: Reply) => void;
  reject: (err: Error) => void;
}

class WorkerThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 1;
  dead = false;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the evidence worker exited (${code})`)));
  }

  post(message: Record<string, unknown>): void {
    this.worker.postMessage(message);
  }

  /** Posts a message that the worker answers. */
  ask(message: Record<string, unknown>): Promise<Reply> {
    if (this.dead) return Promise.reject(new Error('the evidence worker is not running'));
    const id = this.nextId++;
    const answer = new Promise<Reply>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    if (this.waiting.size === 1) this.worker.ref();
    this.worker.postMessage({ ...message, id });
    return answer;
  }

  private settle(reply: Reply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (reply.error === undefined) waiter.resolve(reply);
    else waiter.reject(Object.assign(new Error(reply.error), reply.code === undefined ? {} : { code: reply.code }));
  }

  private fail(err: Error): void {
    this.dead = true;
    for (const waiter of this.waiting.values()) waiter.reject(err);
    this.waiting.clear();
  }
}

let thread: WorkerThread | undefined;
let nextJob = 1;

function workerThread(): WorkerThread {
  if (!thread || thread.dead) thread = new WorkerThread();
  return thread;
}

/** One SHA-256 computed on the worker over parts of `memory`, in the order they are added. */
export class HashJob {
  private readonly thread = workerThread();
  private readonly job = nextJob++;
  private finished = false;

  constructor(memory: SharedArrayBuffer) {
    this.thread.post({ op: 'start', job: this.job, memory });
  }

  /** Resolves once the worker has hashed the bytes: only then may that part of memory be reused. */
  async update(offset: number, length: number): Promise<void> {
    await this.thread.ask({ op: 'update', job: this.job, offset, length });
  }

  /** The hex digest; the job ends. */
  async digest(): Promise<string> {
    this.finished = true;
    return (await this.thread.ask({ op: 'digest', job: this.job })).hex ?? '';
  }

  /** Ends the job without a digest (after a failure; updates already posted still run). */
  drop(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.thread.dead) this.thread.post({ op: 'drop', job: this.job });
  }
}

/** What reading a source on the worker found: the path missing; only its stat (not a regular
 *  file, empty, or above `maxRead`: not read); unreadable after stat; or its bytes (the stat size,
 *  or one byte more if it grew), their SHA-256 and a second stat taken after the read. */
export type SmallRead =
  | { kind: 'missing' }
  | { kind: 'stat'; before: SourceStat }
  | { kind: 'unreadable'; before: SourceStat }
  | { kind: 'read'; before: SourceStat; after: SourceStat | null; bytes: Buffer; hash: string };

/** Stat errors other than a missing file reject, with their errno code. */
export async function readSmallOnWorker(file: string, maxRead: number): Promise<SmallRead> {
  const reply = await workerThread().ask({ op: 'readSmall', file, maxRead });
  if (reply.missing) return { kind: 'missing' };
  const before = reply.before!;
  if (reply.unreadable) return { kind: 'unreadable', before };
  if (reply.bytes === undefined) return { kind: 'stat', before };
  const bytes = Buffer.from(reply.bytes, 0, reply.got ?? 0);
  return { kind: 'read', before, after: reply.after ?? null, bytes, hash: reply.hex ?? '' };
}
