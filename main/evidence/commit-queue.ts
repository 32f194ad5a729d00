/**
 * Group commit for evidence rows. With `synchronous = FULL` every commit waits for an fsync of the
 * WAL (~1–3 ms here, on the main thread); imports running side by side (a multi-file selection)
 * share one commit instead of paying one each.
 *
 * The guarantee "a row only after its blob is durable" holds for every import: an import enqueues
 * its row only once publishBlob has returned, so every row in a batch has its blob on disk before
 * the batch's COMMIT. Each import runs in its own SAVEPOINT inside the batch's transaction, so an
 * import that fails its checks (item deleted meanwhile, blob collected) rolls back alone and the
 * others commit. Should the batch itself fail (a full disk at COMMIT), every import is retried in
 * its own transaction, so none fails because of another. A batch is what has queued up by the
 * check phase of the event loop: an import running alone waits for no one.
 */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/api/result';

interface Pending {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown };

const queues = new WeakMap<Database.Database, Pending[]>();

function runAlone(db: Database.Database, p: Pending): void {
  try {
    p.resolve(db.transaction(p.run)());
  } catch (err) {
    p.reject(err);
  }
}

/** One transaction, one savepoint per import; an error other than an import's own check aborts it. */
function runBatch(db: Database.Database, batch: Pending[]): Outcome[] {
  return db.transaction(() =>
    batch.map((p): Outcome => {
      try {
        return { ok: true, value: db.transaction(p.run)() };
      } catch (err) {
        if (err instanceof AppFailure) return { ok: false, err };
        throw err; // an SQLite failure: the whole batch is rolled back and retried one by one
      }
    }),
  )();
}

function flush(db: Database.Database): void {
  const batch = queues.get(db) ?? [];
  queues.delete(db);
  if (batch.length === 1) {
    runAlone(db, batch[0]!);
    return;
  }
  let outcomes: Outcome[];
  try {
    outcomes = runBatch(db, batch);
  } catch {
    for (const p of batch) runAlone(db, p);
    return;
  }
  outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.value) : batch[i]!.reject(o.err)));
}

/** Runs `run` in a transaction, committed together with those of other imports queued meanwhile. */
export function commitWithOthers<T>(db: Database.Database, run: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = [];
      queues.set(db, queue);
      setImmediate(() => flush(db));
    }
    queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
  });
}
