/** app:// byte routes (uploads, evidence files, exports) answer only our own host: the host is
 *  checked before any route is looked at. Real data folder, real export file. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { routeAppStream } from '../../../main/shell/app-streams';
import { createHarness, type Harness } from '../../helpers/app-harness';

let h: Harness;

beforeAll(() => {
  h = createHarness();
  fs.mkdirSync(path.join(h.dataDir, 'exports'), { recursive: true });
  fs.writeFileSync(path.join(h.dataDir, 'exports', 'bao-cao.docx'), 'PK report');
});
afterAll(() => h.dispose());

it('serves an export to app://renderer', async () => {
  const res = await routeAppStream(new Request('app://renderer/exports/bao-cao.docx'), h.ctx);
  expect(res?.status).toBe(200);
  expect(await res!.text()).toBe('PK report');
});

it.each(['app://evil/exports/bao-cao.docx', 'app://renderer.evil/exports/bao-cao.docx', 'app://renderer:8080/exports/bao-cao.docx', 'app://other/upload/evidence?itemId=1'])(
  'refuses %s before routing it',
  async (url) => {
    const method = url.includes('upload') ? 'POST' : 'GET';
    const res = await routeAppStream(new Request(url, { method, body: method === 'POST' ? 'x' : undefined }), h.ctx);
    expect(res?.status).toBe(404);
    expect(await res!.text()).not.toContain('PK report');
  },
);
