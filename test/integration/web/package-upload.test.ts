/** A package the officer picks is streamed to the bridge, checked or imported from a copy on the
 *  local disk, and the copy is removed again. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, startBridge, type Harness } from '../../helpers/app-harness';
import { departmentAssessment } from '../../helpers/report-assessment';

let h: Harness;
let server: RunningWebServer;
let packageBytes: Buffer;

beforeAll(async () => {
  h = createHarness();
  server = await startBridge(h);
  const { assessmentId } = await departmentAssessment(h, { complete: false });
  const exported = await h.call('package:export', { assessmentId });
  packageBytes = fs.readFileSync(path.join(h.dataDir, exported.downloadPath));
});
afterAll(async () => {
  await server.close();
  h.dispose();
});

async function post(query: string, body: Buffer, token = server.token) {
  const res = await fetch(`${server.origin}/upload/package?${query}`, { method: 'POST', headers: { Origin: server.origin, 'X-PAR-Token': token }, body });
  return { status: res.status, json: (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } } };
}

it('verifies an uploaded package and imports it again without changing anything', async () => {
  const verified = await post('action=verify', packageBytes);
  expect(verified.json).toMatchObject({ ok: true, value: { ok: true, refused: false, missing: [], extra: [], altered: [] } });
  const imported = await post('action=import', packageBytes);
  expect(imported.json).toMatchObject({ ok: true, value: { unchanged: true } });
  expect(fs.readdirSync(path.join(h.dataDir, 'incoming'))).toEqual([]);
});

it('reports a damaged package and refuses to import it, leaving nothing behind', async () => {
  const damaged = Buffer.from(packageBytes);
  damaged.write('XXXX', Math.floor(damaged.length / 2), 'latin1');
  const verified = await post('action=verify', damaged);
  expect(verified.json.ok).toBe(true);
  expect(verified.json.value).toMatchObject({ ok: false });
  const imported = await post('action=import', damaged);
  expect(imported.json.ok).toBe(false);
  expect(imported.json.error!.message).toMatch(/gói/i);
  const notZip = await post('action=verify', Buffer.from('không phải zip'));
  expect(notZip.json.value ?? notZip.json.error).toBeTruthy();
  expect(fs.readdirSync(path.join(h.dataDir, 'incoming'))).toEqual([]);
  expect((await post('action=import', packageBytes, 'x'.repeat(32))).status).toBe(403);
});
