/** The workspace's evidence cache (renderer/features/evidence/evidence-store.ts) driven against the
 *  real dispatch on a real SQLite file: it loads only the criteria shown, and after every link,
 *  unlink, edit, delete and stored file each criterion it holds equals what the backend lists for
 *  it now (no stale documents or files), with the totals following. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch';
import { createHandlerRegistry } from '../../../main/api/registry';
import { importEvidenceFile } from '../../../main/evidence/import-file';
import type { Channel, InputOf, OutputOf } from '../../../shared/api/contract';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import type { Totals } from '../../../shared/domain/scoring-types';
import { EvidenceStore } from '../../../renderer/features/evidence/evidence-store';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { departmentAssessment } from '../../helpers/report-assessment';
import { chunked } from '../../helpers/evidence-temp';
import { makePdf } from '../../helpers/sample-documents';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());


/** The renderer's view of a channel (api/client.ts): the real dispatch, typed by the contract. */
const registry = createHandlerRegistry();
const call = <C extends Channel>(channel: C, input: InputOf<C>) => dispatch(registry, h.ctx, channel, input) as Promise<Result<OutputOf<C>>>;

const draft = (n: number) => ({ docNumber: `${n}/KH-SNV`, issuedOn: '2026-02-01', issuer: 'Sở Nội vụ', docType: 'plan' as const, summary: `Kế hoạch ${n}` });

it('keeps every criterion it holds equal to the backend through changes, and asks only for what is shown', async () => {
  const { assessmentId } = await departmentAssessment(h, { complete: false, leaveOut: 0 });
  const [a, b, c] = (await h.call('assessments:open', { assessmentId })).totals.needsExplanationCodes as [string, string, string];
  const first = (await h.call('evidence:create', { assessmentId, code: a, draft: draft(1) })).item!;
  await h.call('evidence:create', { assessmentId, code: b, draft: draft(2) });

  const asked: string[] = [];
  let totals: Totals | null = null;
  const store = new EvidenceStore(
    assessmentId,
    (input) => {
      asked.push(`${input.code}${input.withTotals ? '+totals' : ''}`);
      return call('evidence:listForCriterion', input);
    },
    (t) => (totals = t),
  );
  const backend = async (code: string) => (await h.call('evidence:listForCriterion', { assessmentId, code })).items;
  const settle = () => new Promise((r) => setTimeout(r, 20));
  // The same items with the same files and links; the order may differ (a document just linked
  // shows first, an edited one stays where it was; the backend lists by last change).
  const byId = (items: readonly EvidenceItem[]) => [...items].sort((x, y) => x.id - y.id);
  const expectInStep = async () => {
    for (const code of [a, b, c]) if (store.criterion(code).items !== null) expect(byId(store.itemsFor(code))).toEqual(byId(await backend(code)));
  };

  // Nothing is asked for until a criterion is shown; leaving it keeps what was loaded.
  expect(asked).toEqual([]);
  const releaseA = store.watch(a);
  const releaseB = store.watch(b);
  await settle();
  expect(asked).toEqual([a, b]);
  expect(store.criterion(c).items).toBeNull();
  releaseB();
  await expectInStep();

  // A link to a loaded criterion, an edit, an unlink: applied from what the calls return.
  const apply = async <C extends 'evidence:link' | 'evidence:unlink' | 'evidence:update'>(channel: C, input: Omit<InputOf<C>, 'assessmentId'>) => {
    const r = (await call(channel, { assessmentId, ...input } as InputOf<C>)) as Result<OutputOf<'evidence:link'>>;
    if (!r.ok) throw new Error(r.error.message);
    store.apply(r.value);
  };
  await apply('evidence:link', { code: b, itemId: first.id });
  await expectInStep();
  await apply('evidence:update', { itemId: first.id, draft: { ...draft(1), summary: 'Kế hoạch đã sửa' } });
  expect(store.itemsFor(b).find((i) => i.id === first.id)!.summary).toBe('Kế hoạch đã sửa');
  await expectInStep();
  await apply('evidence:unlink', { code: a, itemId: first.id });
  await expectInStep();
  expect(asked).toEqual([a, b]);

  // A file stored on the item: the criteria holding it are asked again (the one shown with the
  // totals), the others dropped until shown; the totals no longer ask for an explanation on b.
  await apply('evidence:link', { code: a, itemId: first.id });
  await importEvidenceFile(h.ctx.db, h.dataDir, { itemId: first.id, fileName: 'ke-hoach.pdf', source: chunked(makePdf('Ke hoach')), now: h.ctx.now() });
  store.touched(first.id);
  await settle();
  expect(asked.slice(2)).toEqual([`${a}+totals`]);
  expect(store.criterion(b).items).toBeNull();
  expect(totals!.needsExplanationCodes).not.toContain(b);
  expect(totals!.needsExplanationCodes).not.toContain(a);
  expect(store.itemsFor(a).find((i) => i.id === first.id)!.files).toHaveLength(1);
  store.watch(b);
  await settle();
  await expectInStep();

  // A delete: gone from every criterion held.
  await apply('evidence:unlink', { code: a, itemId: first.id });
  await apply('evidence:unlink', { code: b, itemId: first.id });
  const deleted = await call('evidence:delete', { assessmentId, itemId: first.id });
  if (!deleted.ok) throw new Error(deleted.error.message);
  store.apply(deleted.value, first.id);
  await expectInStep();
  expect(store.knownItem(first.id)).toBeUndefined();
  releaseA();
});

it('asks again when a change came while a load was on its way', async () => {
  const { assessmentId } = await departmentAssessment(h, { complete: false, leaveOut: 0 });
  const [a] = (await h.call('assessments:open', { assessmentId })).totals.needsExplanationCodes as [string];
  let answers = 0;
  const store = new EvidenceStore(
    assessmentId,
    async (input) => {
      // The answer is read now, the change below lands before it is handed back.
      const r = await call('evidence:listForCriterion', input);
      answers++;
      if (answers === 1) {
        const created = await call('evidence:create', { assessmentId, code: a, draft: draft(9) });
        if (created.ok) store.apply(created.value);
      }
      return r;
    },
    () => {},
  );
  store.watch(a);
  await new Promise((r) => setTimeout(r, 30));
  expect(answers).toBe(2);
  expect(store.itemsFor(a).map((i) => i.docNumber)).toEqual(['9/KH-SNV']);
});
