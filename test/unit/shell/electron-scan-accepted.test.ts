/** Each Electronegativity finding recorded as a false positive names a test that really asserts
 *  the setting the scan could not see; the entry is only as good as that test. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ACCEPTED_FINDINGS } from '../../../main/tools/electron-scan-accepted';

const root = path.join(import.meta.dirname, '../../..');

it.each(ACCEPTED_FINDINGS.map((a) => [a.id, a] as const))('%s is backed by a test that asserts the real setting', (_id, a) => {
  expect(fs.existsSync(path.join(root, a.file)), a.file).toBe(true);
  expect(a.reason.length).toBeGreaterThan(40);
  const test = fs.readFileSync(path.join(root, a.test), 'utf8');
  expect(test).toContain(a.asserts);
});
