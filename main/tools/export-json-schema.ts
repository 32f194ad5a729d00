/**
 * `npm run schema:export`: writes seeds/criteria-set.schema.json from the zod schema.
 * The text comes from buildCriteriaSetJsonSchema(); this tool only writes it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCriteriaSetJsonSchema } from '../../shared/domain/criteria-set-json-schema';

const CRITERIA_SET_SCHEMA_FILE = 'seeds/criteria-set.schema.json';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = resolve(repoRoot, CRITERIA_SET_SCHEMA_FILE);

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, buildCriteriaSetJsonSchema(), 'utf8');
console.log(`Đã ghi ${CRITERIA_SET_SCHEMA_FILE}`);
