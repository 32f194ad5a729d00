/** Importing the same package again: reported unchanged, and every table of the officer's data as it was. */
import { expect } from 'vitest';
import { importPackageFile } from '../../main/package/import-package';
import type { Harness } from './app-harness';
import { dumpTables } from './package-fixture';

export async function expectReimportUnchanged(h: Harness, file: string): Promise<void> {
  const tables = dumpTables(h.ctx.db);
  expect(await importPackageFile(h.ctx, file, { overwrite: false })).toMatchObject({ unchanged: true, overwritten: false });
  expect(dumpTables(h.ctx.db)).toEqual(tables);
}
