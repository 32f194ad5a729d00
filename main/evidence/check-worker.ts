/**
 * A second thread for checking a backup copy: the main thread and this worker take the copy's
 * tables from one shared counter (Atomics.add on a SharedArrayBuffer) and each runs quick_check or
 * integrity_check on the tables it took, so on two cores the check of a fresh copy takes about half
 * as long (a copy is checked while the officer works; the check is the largest step of a backup).
 * Which thread takes which table is decided as they go, so a large table on one side is balanced by
 * several small ones on the other.
 *
 * The worker is started at the first backup (from inline JavaScript: no separate file to bundle
 * for Electron, tsx and vitest alike), loads better-sqlite3 from the same package and binary as the
 * main thread, and is used only once it has said it is ready: until then, or if it never gets
 * there (a runtime where a worker cannot load the native module), the main thread checks every
 * table itself, as before. It holds the process open only while it is checking.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { withNativeBinding } from '../store/native-binding';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let Database;
try {
  Database = require(workerData.modulePath);
  new Database(':memory:', workerData.options).close();
  parentPort.postMessage({ ready: true });
} catch (err) {
  parentPort.postMessage({ ready: false, error: String((err && err.message) || err) });
}
const quote = (name) => '"' + name.replaceAll('"', '""') + '"';
parentPort.on('message', (m) => {
  const findings = [];
  let db;
  try {
    db = new Database(m.file, { ...workerData.options, readonly: true, fileMustExist: true });
    db.pragma('mmap_size = ' + m.mmapBytes);
    const next = new Int32Array(m.counter);
    for (let i = Atomics.add(next, 0, 1); i < m.tables.length; i = Atomics.add(next, 0, 1)) {
      const table = m.tables[i];
      try {
        for (const row of db.pragma(m.pragma + '(' + quote(table) + ')')) {
          const message = Object.values(row)[0];
          if (message !== 'ok') findings.push(message);
        }
      } catch (err) {
        if (!/^SQLITE_(CORRUPT|NOTADB)/.test((err && err.code) || '')) throw err;
        findings.push(table + ': ' + err.message);
      }
    }
    parentPort.postMessage({ id: m.id, findings });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String((err && err.message) || err) });
  } finally {
    if (db) db.close();
  }
});
`;

interface Reply {
  id?: number;
  ready?: boolean;
  findings?: string[];
  error?: string;
}

/** What the main thread asks of the worker: the same check on the tables it takes from `counter`. */
export interface SharedCheck {
  file: string;
  pragma: 'quick_check' | 'integrity_check';
  tables: string[];
  counter: SharedArrayBuffer;
  mmapBytes: number;
}

class CheckWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (findings: string[]) => void; reject: (err: Error) => void }>();
  private nextId = 1;
  /** SQLite loaded in the worker (its first message said so): a worker that dies after that may be started again. */
  loaded = false;
  dead = false;

  get usable(): boolean {
    return this.loaded && !this.dead;
  }

  constructor(modulePath: string) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath, options: withNativeBinding({}) } });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the check worker exited (${code})`)));
  }

  check(job: SharedCheck): Promise<string[]> {
    const id = this.nextId++;
    const answer = new Promise<string[]>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    if (this.waiting.size === 1) this.worker.ref();
    this.worker.postMessage({ ...job, id });
    return answer;
  }

  private settle(reply: Reply): void {
    if (reply.id === undefined) this.started(reply);
    else {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.error === undefined) waiter?.resolve(reply.findings ?? []);
      else waiter?.reject(new Error(reply.error));
    }
    // Node refs a worker again when one of its messages is delivered: unref it unless a check waits.
    if (this.waiting.size === 0) this.worker.unref();
  }

  /** The worker's first message: SQLite loaded, or why not. */
  private started(reply: Reply): void {
    if (reply.ready) this.loaded = true;
    else {
      console.error('[backup] the check worker could not load SQLite; copies are checked on the main thread:', reply.error);
      this.fail(new Error(reply.error ?? 'not ready'));
    }
  }

  async stop(): Promise<void> {
    this.fail(new Error('the check worker was stopped'));
    await this.worker.terminate();
  }

  private fail(err: Error): void {
    if (this.dead) return;
    this.dead = true;
    for (const waiter of this.waiting.values()) waiter.reject(err);
    this.waiting.clear();
    void this.worker.terminate();
  }
}

let thread: CheckWorker | undefined;
/** Set when a worker could not start at all (the constructor threw). */
let unavailable = false;

/** A worker that could not start or load SQLite is not started again in this process (it would fail the same way). */
const neverLoads = (): boolean => unavailable || (thread?.dead === true && !thread.loaded);

/** Starts the worker if it is not running, so that it is ready by the time the copy is (a copy takes a few ms; starting ~20 ms: the first backup of a session checks alone). */
export function startCheckWorker(modulePath = createRequire(import.meta.url).resolve('better-sqlite3')): void {
  if (neverLoads() || (thread && !thread.dead)) return;
  try {
    thread = new CheckWorker(modulePath);
  } catch (err) {
    unavailable = true;
    console.error('[backup] no check worker; copies are checked on the main thread:', err);
  }
}

/** The worker's share of a check, or null when no worker is ready to take one. */
export function shareCheck(job: SharedCheck): Promise<string[]> | null {
  return thread?.usable ? thread.check(job) : null;
}

/** Stops the worker (app exit; a test that starts it another way). The next backup starts a new one. */
export async function stopCheckWorker(): Promise<void> {
  const stopping = thread;
  thread = undefined;
  unavailable = false;
  await stopping?.stop();
}

/** Where the worker stands: not started, starting, ready, or unavailable in this process (it could not load SQLite). */
export function checkWorkerState(): 'none' | 'starting' | 'ready' | 'unavailable' {
  if (neverLoads()) return 'unavailable';
  if (!thread || thread.dead) return 'none';
  return thread.loaded ? 'ready' : 'starting';
}
