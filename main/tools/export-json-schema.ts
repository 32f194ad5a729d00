/**
 * `npm run schema:export`: writes seeds/criteria-set.schema.json and seeds/appraisal.schema.json
 * from the zod schemas. The texts come from the build functions in shared/domain; this tool only writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppraisalJsonSchema } from '../../shared/domain/appraisal/appraisal-json-schema';
import { buildCriteriaSetJsonSchema } from '../../shared/domain/criteria-set-json-schema';

const FILES: readonly [string, () => string][] = [
  ['seeds/criteria-set.schema.json', buildCriteriaSetJsonSchema],
  ['seeds/appraisal.schema.json', buildAppraisalJsonSchema],
];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

for (const [file, build] of FILES) {
  const target = resolve(repoRoot, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, build(), 'utf8');
  console.log(`Đã ghi ${file}`);
}
