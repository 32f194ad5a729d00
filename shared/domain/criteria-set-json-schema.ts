/**
 * The JSON Schema of the criteria-set format, generated from the zod schema so that the two never
 * disagree. seeds/criteria-set.schema.json holds this exact text (`npm run schema:export` writes
 * it; a unit test fails when it is stale). Editors can use the file to check a set while typing;
 * the app itself validates with the zod schema plus the whole-tree rules.
 */
import { z } from 'zod';
import { adjustmentPartSchema, criteriaNodeSchema, criteriaSetSchema, CRITERIA_SET_FORMAT, scoringRuleSchema, tierSchema } from './criteria-set-schema';

const DESCRIPTION =
  'Bộ chỉ số theo dõi, đánh giá Chỉ số cải cách hành chính (tự đánh giá, chấm điểm). ' +
  'Ngoài lược đồ này, ứng dụng còn kiểm tra: mã mục (1, 1.1, 1.1.1), tổng điểm tối đa, bước chấm, các mức tỷ lệ và xếp loại.';

/** Names under `$defs` for the schemas used more than once, or recursively (the node tree). */
function definitionNames(): z.core.$ZodRegistry<z.core.JSONSchemaMeta> {
  const registry = z.registry<z.core.JSONSchemaMeta>();
  registry.add(criteriaNodeSchema, {
    id: 'criteriaNode',
    description: 'Lĩnh vực, tiêu chí hoặc tiêu chí thành phần. Mục có "children" không có "rule"; mục không có "children" phải có "rule".',
  });
  registry.add(scoringRuleSchema, { id: 'scoringRule', description: 'Quy tắc chấm điểm của một mục lá.' });
  registry.add(adjustmentPartSchema, {
    id: 'adjustmentPart',
    description: 'Điểm thưởng hoặc điểm trừ: "maxPoints" là mức trần của cả phần.',
  });
  registry.add(tierSchema, {
    id: 'rateTier',
    description:
      'Một ngưỡng tỷ lệ: tỷ lệ từ "fromPercent" đến dưới "toPercent" được "points" điểm; ngưỡng cuối gồm cả 100%. ' +
      'Ngưỡng "đúng 100%" ghi fromPercent = toPercent = 100 và phải là ngưỡng cuối; ngưỡng trước nó khi đó kết thúc ở dưới 100%.',
  });
  return registry;
}

export function buildCriteriaSetJsonSchema(): string {
  const generated = z.toJSONSchema(criteriaSetSchema, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: definitionNames(),
  });
  const { $schema, ...body } = generated;
  const schema = { $schema, $id: CRITERIA_SET_FORMAT, title: CRITERIA_SET_FORMAT, description: DESCRIPTION, ...body };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
