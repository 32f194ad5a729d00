/**
 * 10,000 generated payloads per channel through the real dispatch, on a real database holding two
 * agencies: wrong types, extra keys, huge strings, deep nesting, Unicode edge cases, ids that name
 * nothing or another agency's records. Every refusal is a Result with a Vietnamese message (also
 * each issue), nothing throws, nothing fails inside a handler, and the database file is byte for
 * byte what it was. Payloads that would legitimately change data (a valid input naming this
 * agency's own records) are not generated: what is fuzzed is what must be refused or only read.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contract, type Channel } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { dispatch } from '../../../main/api/dispatch';
import { createHandlerRegistry } from '../../../main/api/registry';
import { createHarness, databaseFileHash, type Harness } from '../../helpers/app-harness';
import { describe, notVietnamese, FUZZ_SEED } from '../../helpers/fuzz-payloads';
import { packagedAssessment } from '../../helpers/package-fixture';
import { leavesOf } from '../../../shared/domain/criteria-tree';
import { loadCriteriaSet } from '../../../main/criteria/set-cache';
import { channelSpecs, type FuzzIds } from '../../helpers/fuzz-channel-specs';

const RUNS = Number(process.env.PAR_FUZZ_RUNS ?? 10_000);
const SEED = FUZZ_SEED;
let h: Harness;
let ids: FuzzIds;


beforeAll(async () => {
  h = createHarness();
  const a = await packagedAssessment(h);
  const b = await packagedAssessment(h, { agencyName: 'SỞ TƯ PHÁP', seed: 5 });
  const draft = { docNumber: '9/TB-STP', issuedOn: null, issuer: 'Sở Tư pháp', docType: 'plan' as const, summary: 'Chưa gắn tiêu chí' };
  const loose = await h.call('evidence:create', { assessmentId: b.assessmentId, code: null, draft });
  const rows = (sql: string, agencyId: number) => (h.ctx.db.prepare(sql).all(agencyId) as { id: number }[]).map((r) => r.id);
  const itemsOf = (agencyId: number) => rows('SELECT id FROM evidence_items WHERE agency_id = ?', agencyId);
  const filesOf = (agencyId: number) => rows('SELECT f.id FROM evidence_files f JOIN evidence_items i ON i.id = f.item_id WHERE i.agency_id = ?', agencyId);
  ids = {
    agencies: [a.agencyId, b.agencyId],
    assessments: [a.assessmentId, b.assessmentId],
    setHash: a.setHash,
    leafCode: leavesOf(loadCriteriaSet(h.ctx.db, a.setHash)).find((v) => v.node.rule?.kind !== 'survey')!.node.code,
    own: { assessmentId: a.assessmentId, items: itemsOf(a.agencyId), files: filesOf(a.agencyId) },
    other: { items: [...itemsOf(b.agencyId), loose.item!.id], files: filesOf(b.agencyId) },
  };
}, 120_000);
afterAll(() => h.dispose());

it('refuses deleting another agency’s document through this agency’s assessment (found by this fuzz test)', async () => {
  const loose = ids.other.items.at(-1)!;
  const err = await h.fail('evidence:delete', { assessmentId: ids.own.assessmentId, itemId: loose });
  expect(err.code).toBe('NOT_FOUND');
  expect(notVietnamese(err.message)).toBeNull();
  expect(h.ctx.db.prepare('SELECT COUNT(*) AS n FROM evidence_items WHERE id = ?').get(loose)).toEqual({ n: 1 });
});

/** The first thing wrong with a dispatch outcome, or null. */
function problemOf(channel: string, r: Result<unknown>): string | null {
  if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean') return 'not a Result';
  if (r.ok) return null;
  if (r.error.code === 'INTERNAL') return `a handler failed: ${r.error.message}`;
  const own = notVietnamese(r.error.message);
  if (own) return own;
  for (const issue of r.error.issues ?? []) {
    const bad = notVietnamese(issue.message);
    if (bad) return `${issue.path}: ${bad}`;
  }
  return null;
}

it(`refuses or only reads ${RUNS.toLocaleString('en')} hostile payloads per channel, in Vietnamese, the database unchanged`, async () => {
  const registry = createHandlerRegistry();
  const specs = channelSpecs(ids);
  expect(Object.keys(specs).sort()).toEqual(Object.keys(contract).sort());
  const before = databaseFileHash(h);
  const figures: Record<string, { payloads: number; refused: number; accepted: number; ms: number }> = {};
  const started = Date.now();
  for (const channel of Object.keys(specs) as Channel[]) {
    const f = (figures[channel] = { payloads: 0, refused: 0, accepted: 0, ms: 0 });
    const t0 = Date.now();
    for (const payload of fc.sample(specs[channel], { numRuns: RUNS, seed: SEED })) {
      let r: Result<unknown>;
      try {
        r = await dispatch(registry, h.ctx, channel, payload);
      } catch (err) {
        throw new Error(`${channel}: dispatch threw ${String(err)} for ${describe(payload)}`);
      }
      const problem = problemOf(channel, r);
      if (problem) throw new Error(`${channel}: ${problem}\npayload: ${describe(payload)}\n(seed ${SEED})`);
      f.payloads += 1;
      if (r.ok) f.accepted += 1;
      else f.refused += 1;
    }
    f.ms = Date.now() - t0;
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`dispatch fuzz (seed ${SEED}): ${Object.keys(figures).length} channels, ${RUNS} payloads each, ${seconds.toFixed(1)} s`);
  console.table(figures);
  for (const [channel, f] of Object.entries(figures)) expect(f.payloads, channel).toBe(RUNS);
  expect(databaseFileHash(h), 'the database file changed').toBe(before);
}, 600_000);
