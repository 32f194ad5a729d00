/** A finished export is downloadable from the page (browser download or Electron's save dialog),
 *  by name, from the exports folder only. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, startBridge, type Harness } from '../../helpers/app-harness';
import { departmentAssessment } from '../../helpers/report-assessment';

let h: Harness;
let server: RunningWebServer;

beforeAll(async () => {
  h = createHarness();
  server = await startBridge(h);
});
afterAll(async () => {
  await server.close();
  h.dispose();
});

it('serves an exported report as an attachment with the token, and nothing else from the data folder', async () => {
  const { assessmentId } = await departmentAssessment(h, { complete: false });
  const exported = await h.call('report:export', { assessmentId, final: false, format: 'docx' });
  const res = await fetch(`${server.origin}/${exported.downloadPath}?token=${server.token}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain('attachment');
  const body = Buffer.from(await res.arrayBuffer());
  expect(body.subarray(0, 2).toString()).toBe('PK');
  expect(body.length).toBe(exported.size);
  expect((await fetch(`${server.origin}/${exported.downloadPath}`)).status).toBe(403);
  for (const p of ['/exports/..%2fpar.sqlite', '/exports/%2e%2e/par.sqlite', '/exports/par.sqlite', '/exports/sub%2fx.docx']) {
    expect((await fetch(`${server.origin}${p}?token=${server.token}`)).status, p).toBe(404);
  }
});
