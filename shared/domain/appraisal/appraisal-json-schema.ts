/**
 * The JSON Schema of `par-appraisal/v1`, generated from the zod schema so that the two never
 * disagree. seeds/appraisal.schema.json holds this exact text (`npm run schema:export` writes it;
 * a unit test fails when it is stale). The app itself also checks what needs the assessment.
 */
import { z } from 'zod';
import { APPRAISAL_FORMAT, appraisalFileSchema, appraisedCriterionSchema } from './appraisal-schema';

const DESCRIPTION =
  'Kết quả thẩm định Chỉ số cải cách hành chính của Hội đồng thẩm định cho một cơ quan, một năm, một bộ chỉ số. ' +
  'Ngoài lược đồ này, ứng dụng còn kiểm tra: cơ quan, năm và mã bộ chỉ số khớp với kỳ đánh giá; mã tiêu chí có trong bộ chỉ số, ' +
  'không trùng; điểm không vượt điểm tối đa; điểm điều tra xã hội học chỉ cho tiêu chí chấm qua điều tra.';

export function buildAppraisalJsonSchema(): string {
  const registry = z.registry<z.core.JSONSchemaMeta>();
  registry.add(appraisedCriterionSchema, {
    id: 'appraisedCriterion',
    description: 'Một tiêu chí: điểm thẩm định ("points") hoặc số liệu Hội đồng dùng để chấm ("input"), ý kiến thẩm định, đề nghị (none | explain | add-evidence) và hạn.',
  });
  const generated = z.toJSONSchema(appraisalFileSchema, { target: 'draft-2020-12', io: 'input', metadata: registry });
  const { $schema, ...body } = generated;
  const schema = { $schema, $id: APPRAISAL_FORMAT, title: APPRAISAL_FORMAT, description: DESCRIPTION, ...body };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
