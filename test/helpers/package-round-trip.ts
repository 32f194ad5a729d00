/** Round trips of a full package in tests: export it under a name of its own (a later export would
 *  overwrite the file in exports/), and import it again expecting nothing to change. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { importPackageFile } from '../../main/package/import-package';
import type { Harness } from './app-harness';
import { dumpTables } from './package-fixture';

/** The assessment's package as exported now, copied to `<data>/<name>`. */
export async function exportPackageAs(h: Harness, assessmentId: number, name: string): Promise<string> {
  const file = path.join(h.dataDir, (await h.call('package:export', { assessmentId })).downloadPath);
  const to = path.join(h.dataDir, name);
  fs.copyFileSync(file, to);
  return to;
}

/** Importing the same package again: reported unchanged, and every table of the officer's data as it was. */
export async function expectReimportUnchanged(h: Harness, file: string): Promise<void> {
  const tables = dumpTables(h.ctx.db);
  expect(await importPackageFile(h.ctx, file, { overwrite: false })).toMatchObject({ unchanged: true, overwritten: false });
  expect(dumpTables(h.ctx.db)).toEqual(tables);
}
