/**
 * Calls the backend from the page with its session token (the same bridge the app uses), for
 * setting up many records fast where the steps under test are elsewhere.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export interface DocumentSeed {
  docNumber: string;
  summary: string;
}

/** Creates documents for `code` of the first agency's first assessment; fails the test on any refusal. */
export async function createDocumentsThroughApi(page: Page, code: string, docs: DocumentSeed[]): Promise<void> {
  const failures = await page.evaluate(
    async ({ code, docs }) => {
      const token = sessionStorage.getItem('par.sessionToken') ?? '';
      const call = async (channel: string, input: unknown) => {
        const res = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PAR-Token': token }, body: JSON.stringify(input) });
        return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      };
      const agencies = (await call('agencies:list', {})).value as { agencies: { id: number }[] };
      const list = (await call('assessments:list', { agencyId: agencies.agencies[0]!.id })).value as { assessments: { id: number }[] };
      const assessmentId = list.assessments[0]!.id;
      const failed: string[] = [];
      for (const d of docs) {
        const draft = { docNumber: d.docNumber, issuedOn: '2026-01-05', issuer: 'Sở Nội vụ', docType: 'plan', summary: d.summary };
        const r = await call('evidence:create', { assessmentId, code, draft });
        if (!r.ok) failed.push(`${d.docNumber}: ${r.error?.message}`);
      }
      return failed;
    },
    { code, docs },
  );
  expect(failures).toEqual([]);
}

/** Calls one channel from the page with its session token; fails the test on a refusal. */
export async function callThroughApi(page: Page, channel: string, input: unknown): Promise<unknown> {
  const r = await page.evaluate(
    async ({ channel, input }) => {
      const token = sessionStorage.getItem('par.sessionToken') ?? '';
      const res = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PAR-Token': token }, body: JSON.stringify(input) });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { channel, input },
  );
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
  return r.value;
}
