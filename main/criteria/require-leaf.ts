/** The scoring criterion an answer or an evidence link names, refused with one message when the
 *  code is a group or unknown. */
import { AppFailure } from '../../shared/api/result';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { findLeaf, type NodeVisit } from '../../shared/domain/criteria-tree';

export function requireLeaf(set: CriteriaSet, code: string): NodeVisit {
  const visit = findLeaf(set, code);
  if (!visit) throw new AppFailure('NOT_FOUND', `Không có tiêu chí chấm điểm mã ${code}.`);
  return visit;
}
