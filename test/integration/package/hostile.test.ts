/** At least 20 hostile or damaged packages: each refused by verify AND by import with its own
 *  Vietnamese message, the database unchanged afterwards (every table), no file written in the
 *  data folder and nothing extracted beside the package. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackageFile } from '../../../main/package/import-package';
import { verifyPackageFile } from '../../../main/package/verify-package';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { dumpTables, listFiles, packagedAssessment } from '../../helpers/package-fixture';
import { hostileCases, PackageParts } from '../../helpers/package-hostile';
import { reviewHostileCases } from '../../helpers/package-hostile-review';

let source: Harness;
let target: Harness;
let good: Buffer;
let work: string;

beforeAll(async () => {
  source = createHarness();
  target = createHarness();
  const a = await packagedAssessment(source);
  const exported = await source.call('package:export', { assessmentId: a.assessmentId });
  good = fs.readFileSync(path.join(source.dataDir, exported.downloadPath));
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'par-hostile-'));
  const goodFile = path.join(work, 'good.zip');
  fs.writeFileSync(goodFile, good);
  await importPackageFile(target.ctx, goodFile, { overwrite: false }); // the target holds real data
}, 60_000);
afterAll(() => {
  source.dispose();
  target.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('hostile packages', () => {
  const cases = [...hostileCases(), ...reviewHostileCases()];
  it('there are at least 60 of them', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  it.each(cases)('refuses $name', async (c) => {
    const dir = fs.mkdtempSync(path.join(work, 'case-'));
    const file = path.join(dir, 'goi.zip');
    fs.writeFileSync(file, await c.build(new PackageParts(good), good));
    const tables = dumpTables(target.ctx.db);
    const files = listFiles(target.dataDir);

    const report = await verifyPackageFile(file);
    expect(report.ok).toBe(false);
    expect(report.problems[0]?.message).toContain(c.message);

    const err = await importPackageFile(target.ctx, file, { overwrite: true }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err?.message).toContain(c.message);
    expect(err?.code).toBe('INVALID_INPUT');

    expect(dumpTables(target.ctx.db)).toEqual(tables);
    expect(listFiles(target.dataDir)).toEqual(files);
    expect(fs.readdirSync(dir)).toEqual(['goi.zip']);
  }, 60_000);
});
