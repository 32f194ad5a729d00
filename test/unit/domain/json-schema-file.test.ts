import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCriteriaSetJsonSchema } from '../../../shared/domain/criteria-set-json-schema';

const schemaFile = fileURLToPath(new URL('../../../seeds/criteria-set.schema.json', import.meta.url));

describe('seeds/criteria-set.schema.json', () => {
  it('is the JSON Schema generated from the current zod schema', () => {
    const onDisk = readFileSync(schemaFile, 'utf8');
    expect(onDisk, 'seeds/criteria-set.schema.json is stale: run `npm run schema:export` and commit the file').toBe(
      buildCriteriaSetJsonSchema(),
    );
  });

  it('names the format, and exports the recursive node through $defs/$ref', () => {
    const schema = JSON.parse(buildCriteriaSetJsonSchema()) as {
      $id: string;
      title: string;
      properties: { fields: { items: { $ref: string } } };
      $defs: Record<string, { properties?: { children?: { items?: { $ref?: string } } } }>;
    };
    expect(schema.$id).toBe('par-criteria-set/v1');
    expect(schema.title).toBe('par-criteria-set/v1');
    expect(schema.properties.fields.items.$ref).toBe('#/$defs/criteriaNode');
    expect(schema.$defs.criteriaNode?.properties?.children?.items?.$ref).toBe('#/$defs/criteriaNode');
  });
});
