/**
 * Child process of the backup crash test: starts the app on the data folder the way every host does
 * (lock, start-up recovery, clean-up), then does what an officer's day does, at random, until the
 * parent kills it with SIGKILL: answers saved through the real dispatch, evidence files imported,
 * scratch documents deleted (so garbage collection has blobs to remove), automatic backups (each
 * one rotates and collects garbage) and, now and then, a restore of a kept backup. It prints
 *   ack ans <code> <n>    an answer whose explanation ends with counter n is committed
 *   ack file <hash>       an imported file's row is committed
 *   ack backup <name>     a backup point is published
 *   ack restore-start     (before a restore: every earlier ack may now be rolled back)
 *   ack restore-done <name>
 * It says `ready` once loaded, waits for `go`, starts the app and says `started`.
 * Usage: node --import tsx test/helpers/backup-crash-writer.ts <data dir> <pool dir> <seed> <assessment id> [no-restore]
 * With `no-restore` the run never restores (the parent's last runs, so that writes acknowledged after
 * the last restore are always there to check).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { dispatch } from '../../main/api/dispatch';
import { createHandlerRegistry } from '../../main/api/registry';
import { restoreBackup } from '../../main/backup/restore';
import { listKeptBackups } from '../../main/backup/kept-list';
import { loadCriteriaSet } from '../../main/criteria/set-cache';
import { createBackup } from '../../main/evidence/backup';
import { importEvidenceFile } from '../../main/evidence/import-file';
import { createAppContext, runStartupCleanup, type AppContext } from '../../main/startup/app-context';
import { deleteItem, insertItem } from '../../main/store/queries/evidence';
import { answerFor } from './answer-generator';
import { seededRandom } from './seeded-random';
import { waitForGo } from './wait-for-go';

const registry = createHandlerRegistry();
const ack = (line: string): void => void process.stdout.write(`ack ${line}\n`);

async function saveAnswer(ctx: AppContext, assessmentId: number, pickLeaf: () => ReturnType<typeof leavesOf>[number], n: number): Promise<void> {
  const leaf = pickLeaf().node;
  const answer = { ...answerFor(leaf, n), explanation: `Giải trình lần ${n}` };
  const result = await dispatch(registry, ctx, 'answers:save', { assessmentId, code: leaf.code, answer });
  if (!result.ok) throw new Error(`answers:save: ${result.error.message}`);
  ack(`ans ${leaf.code} ${n}`);
}

async function importFile(ctx: AppContext, agencyId: number, file: string, n: number): Promise<{ itemId: number; hash: string }> {
  const draft = { docNumber: `${n}/KH`, issuedOn: null, issuer: 'UBND', docType: 'plan' as const, summary: `Tài liệu ${n}` };
  const itemId = ctx.db.transaction(() => insertItem(ctx.db, agencyId, draft, ctx.now()).id)();
  async function* withRandomTail(): AsyncGenerator<Uint8Array> {
    yield fs.readFileSync(file);
    yield crypto.randomBytes(32);
  }
  const result = await importEvidenceFile(ctx.db, ctx.dataDir, { itemId, fileName: path.basename(file), source: withRandomTail(), now: ctx.now() });
  return { itemId, hash: result.hash };
}

async function restoreOne(ctx: AppContext, random: () => number): Promise<void> {
  const kept = listKeptBackups(ctx.dataDir).filter((b) => b.folder === 'backups');
  if (kept.length === 0) return;
  const chosen = kept[Math.floor(random() * kept.length)]!;
  ack('restore-start');
  await restoreBackup(ctx, 'backups', chosen.fileName);
  ack(`restore-done ${chosen.fileName}`);
}

async function main(dataDir: string, poolDir: string, seed: number, assessmentId: number, restores: boolean): Promise<void> {
  const pool = fs.readdirSync(poolDir).sort().map((name) => path.join(poolDir, name));
  const random = seededRandom(seed);
  process.stdout.write('ready\n');
  waitForGo();
  const ctx = createAppContext({ dataDir, mode: 'web' });
  await runStartupCleanup(ctx);
  const agencyId = ctx.db.prepare('SELECT agency_id FROM assessments WHERE id = ?').pluck().get(assessmentId) as number;
  const setHash = ctx.db.prepare('SELECT set_hash FROM assessments WHERE id = ?').pluck().get(assessmentId) as string;
  const leaves = leavesOf(loadCriteriaSet(ctx.db, setHash)).filter((v) => v.node.rule?.kind !== 'survey');
  const pickLeaf = () => leaves[Math.floor(random() * leaves.length)]!;
  process.stdout.write('started\n');
  for (let step = 1; ; step++) {
    const n = seed * 10_000 + step;
    const roll = random();
    if (roll < 0.55) {
      await saveAnswer(ctx, assessmentId, pickLeaf, n);
    } else if (roll < 0.75) {
      ack(`file ${(await importFile(ctx, agencyId, pool[step % pool.length]!, n)).hash}`);
    } else if (roll < 0.85) {
      const scratch = await importFile(ctx, agencyId, pool[step % pool.length]!, n);
      ctx.db.transaction(() => deleteItem(ctx.db, scratch.itemId))();
    } else if (roll < 0.96) {
      ack(`backup ${(await createBackup(ctx.db, ctx.dataDir, ctx.now(), { reason: 'auto' })).fileName}`);
    } else if (restores) {
      await restoreOne(ctx, random);
    }
  }
}

const [dataDir, poolDir, seed, assessmentId, flag] = process.argv.slice(2);
if (!dataDir || !poolDir || !seed || !/^\d+$/.test(seed) || !assessmentId || !/^\d+$/.test(assessmentId)) {
  process.stderr.write('usage: backup-crash-writer.ts <data dir> <pool dir> <seed> <assessment id>\n');
  process.exit(2);
}
main(dataDir, poolDir, Number(seed), Number(assessmentId), flag !== 'no-restore').catch((err: unknown) => {
  const cause = err instanceof Error && err.cause instanceof Error ? `\ncaused by ${err.cause.stack} (${String((err.cause as { code?: unknown }).code)})` : '';
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}${cause}\n`);
  process.exit(1);
});
