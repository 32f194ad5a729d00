/**
 * SHA-256 on a worker thread, so that on two cores hashing runs beside the reads and writes of a
 * large import instead of taking turns with them on the main thread (hashing 1 GB is ~0.7 s of
 * CPU here, as much as the copy itself).
 *
 * The chunks are NOT copied: the import reads them into a SharedArrayBuffer, posts "hash bytes
 * [offset, offset + length) of job j", writes the same bytes to the temp file, and reuses that part
 * of the buffer only once both the hash and the write of it have finished. What is hashed is
 * therefore exactly what was written. The worker hashes the updates of a job in the order they
 * were posted (postMessage keeps order).
 *
 * One worker serves every import (jobs are independent hash states); it is started on first use
 * from inline JavaScript (no separate file to bundle for Electron, tsx and vitest alike), holds
 * the process open only while a job is pending, and is replaced if it ever dies.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const jobs = new Map();
parentPort.on('message', (m) => {
  try {
    if (m.op === 'start') {
      jobs.set(m.job, { hash: createHash('sha256'), memory: new Uint8Array(m.memory) });
      return;
    }
    if (m.op === 'drop') {
      jobs.delete(m.job);
      return;
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
    parentPort.postMessage({ id: m.id, error: String((err && err.message) || err) });
  }
});
`;

interface Reply {
  id: number;
  hex?: string;
  error?: string;
}

interface Waiter {
  resolve: (hex: string) => void;
  reject: (err: Error) => void;
}

class HashThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 1;
  dead = false;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the hash worker exited (${code})`)));
  }

  post(message: Record<string, unknown>): void {
    this.worker.postMessage(message);
  }

  /** Posts a message that the worker answers; resolves with its digest ('' for an update). */
  ask(message: Record<string, unknown>): Promise<string> {
    if (this.dead) return Promise.reject(new Error('the hash worker is not running'));
    const id = this.nextId++;
    const answer = new Promise<string>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    if (this.waiting.size === 1) this.worker.ref();
    this.worker.postMessage({ ...message, id });
    return answer;
  }

  private settle(reply: Reply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (reply.error !== undefined) waiter.reject(new Error(reply.error));
    else waiter.resolve(reply.hex ?? '');
  }

  private fail(err: Error): void {
    this.dead = true;
    for (const waiter of this.waiting.values()) waiter.reject(err);
    this.waiting.clear();
  }
}

let thread: HashThread | undefined;
let nextJob = 1;

function hashThread(): HashThread {
  if (!thread || thread.dead) thread = new HashThread();
  return thread;
}

/** One SHA-256 computed on the worker over parts of `memory`, in the order they are added. */
export class HashJob {
  private readonly thread = hashThread();
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
  digest(): Promise<string> {
    this.finished = true;
    return this.thread.ask({ op: 'digest', job: this.job });
  }

  /** Ends the job without a digest (after a failure; updates already posted still run). */
  drop(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.thread.dead) this.thread.post({ op: 'drop', job: this.job });
  }
}
