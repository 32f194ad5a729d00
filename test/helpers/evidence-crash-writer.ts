/**
 * Child process of the evidence crash test: imports files with the REAL importEvidenceFile, in a
 * loop, until the parent kills it with SIGKILL. Each import goes to a new item and prints
 * `ack <hash>` once it has resolved (the row is committed). Half the imports read a pool file by
 * path (identical content across runs: deduplicated blobs), half stream it with a random tail
 * (new blobs every time). Every 6th step imports into a scratch item and deletes it again, and
 * every 10th step takes a backup point (which collects unused blobs), so kills also land inside
 * garbage collection. It opens the database, says `ready`, and waits for `go` on stdin.
 * Usage: node --import tsx test/helpers/evidence-crash-writer.ts <data dir> <pool dir> <seed>
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createBackup } from '../../main/evidence/backup';
import { cleanTempFolder } from '../../main/evidence/blob-store';
import { importEvidenceFile } from '../../main/evidence/import-file';
import { databasePath, openDatabase } from '../../main/store/open';
import { deleteItem, insertItem } from '../../main/store/queries/evidence';
import { CRASH_AGENCY_ID } from './evidence-crash-writer-ids';
import { seededRandom } from './seeded-random';
import { waitForGo } from './wait-for-go';

/** The pool file, then 32 random bytes: content no earlier import had. */
async function* withRandomTail(file: string): AsyncGenerator<Uint8Array> {
  yield* fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 });
  yield crypto.randomBytes(32);
}

function newItem(db: Database.Database, n: number): number {
  const draft = { docNumber: `${n}/KH`, issuedOn: null, issuer: 'UBND', docType: 'plan' as const, summary: `Tài liệu ${n}` };
  return db.transaction(() => insertItem(db, CRASH_AGENCY_ID, draft, new Date().toISOString()).id)();
}

async function importOne(db: Database.Database, dataDir: string, itemId: number, file: string, unique: boolean): Promise<string> {
  const source = unique ? withRandomTail(file) : file;
  const result = await importEvidenceFile(db, dataDir, { itemId, fileName: path.basename(file), source, now: new Date().toISOString() });
  return result.hash;
}

async function main(dataDir: string, poolDir: string, seed: number): Promise<void> {
  const db = openDatabase(databasePath(dataDir));
  const pool = fs.readdirSync(poolDir).sort().map((name) => path.join(poolDir, name));
  const random = seededRandom(seed);
  const pick = () => pool[Math.floor(random() * pool.length)]!;
  process.stdout.write('ready\n');
  waitForGo();
  await cleanTempFolder(dataDir); // what the app does at startup, before any import
  for (let n = 1; ; n++) {
    if (n % 6 === 0) {
      const scratch = newItem(db, n);
      await importOne(db, dataDir, scratch, pick(), true);
      db.transaction(() => deleteItem(db, scratch))();
    } else if (n % 10 === 0) {
      await createBackup(db, dataDir, new Date().toISOString());
    }
    const hash = await importOne(db, dataDir, newItem(db, n), pick(), random() < 0.5);
    // process.stdout.write is synchronous for pipes on Linux: the ack is out before the next step.
    process.stdout.write(`ack ${hash}\n`);
  }
}

const [dataDir, poolDir, seed] = process.argv.slice(2);
if (!dataDir || !poolDir || !seed || !/^\d+$/.test(seed)) {
  process.stderr.write('usage: evidence-crash-writer.ts <data dir> <pool dir> <seed>\n');
  process.exit(2);
}
main(dataDir, poolDir, Number(seed)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
