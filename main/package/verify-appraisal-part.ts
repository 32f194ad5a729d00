/** The appraisal carried by assessment.json must agree with the package: one entry per round and
 *  per criterion, codes that are scoring criteria of the set, answers to rounds the package holds,
 *  and documents that are items of its `evidence`. Each disagreement is one Vietnamese line. */
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { findLeaf } from '../../shared/domain/criteria-tree';
import { msg } from './package-messages';
import type { AssessmentDoc } from './package-schema';

export function appraisalProblems(doc: AssessmentDoc, set: CriteriaSet): string[] {
  const part = doc.appraisal;
  if (!part) return [];
  const problems: string[] = [];
  const rounds = new Set<number>();
  const leaf = (code: string, what: string) => {
    if (!findLeaf(set, code)) problems.push(msg.mismatch(`${what} ghi mã tiêu chí ${code}, không phải tiêu chí chấm điểm của bộ chỉ số.`));
  };
  for (const r of part.rounds) {
    if (rounds.has(r.round)) problems.push(msg.mismatch(`vòng thẩm định ${r.round} xuất hiện hai lần.`));
    rounds.add(r.round);
    const codes = new Set<string>();
    for (const p of r.points) {
      if (codes.has(p.code)) problems.push(msg.mismatch(`vòng thẩm định ${r.round} ghi tiêu chí ${p.code} hai lần.`));
      codes.add(p.code);
      leaf(p.code, `Vòng thẩm định ${r.round}`);
    }
  }
  const answered = new Set<string>();
  for (const r of part.responses) {
    const key = `${r.round}|${r.code}`;
    if (answered.has(key)) problems.push(msg.mismatch(`câu trả lời thẩm định vòng ${r.round} cho tiêu chí ${r.code} xuất hiện hai lần.`));
    answered.add(key);
    if (!rounds.has(r.round)) problems.push(msg.mismatch(`câu trả lời cho vòng thẩm định ${r.round}, vòng không có trong gói.`));
    leaf(r.code, 'Câu trả lời thẩm định');
    for (const d of r.documents) {
      if (d.evidence >= doc.evidence.length) problems.push(msg.mismatch(`câu trả lời thẩm định cho tiêu chí ${r.code} gắn tài liệu số ${d.evidence}, không có trong danh sách tài liệu.`));
    }
  }
  return problems;
}
