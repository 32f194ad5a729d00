/**
 * Rules about the shape of the tree of a criteria set: codes (format, prefix, uniqueness),
 * depth, and which nodes carry a scoring rule. Runs on a set that already passed the schema.
 *
 * Levels count from the top of the file: a field is level 1 (`1`), a criterion level 2 (`1.1`),
 * a sub-criterion level 3 (`1.1.1`), and one more level is allowed (`1.1.1.1`). The adjustments
 * follow the same numbering: content 9 is level 1, its bonus/penalty parts (`9.1`, `9.2`) level 2,
 * their items level 3 and 4. So a code never has more than 4 numbers, as the API contract expects.
 */
import type { CriteriaNode, CriteriaSet } from './criteria-set-schema';
import { walkSet, type NodeVisit } from './criteria-tree';
import type { ReportIssue } from './validation-issue';

export const MAX_TREE_LEVELS = 4;

/** Positive numbers without leading zeros, at most 3 digits each, joined by dots. */
const CODE_PATTERN = /^[1-9]\d{0,2}(\.[1-9]\d{0,2})*$/;

/** Items of a bonus/penalty part sit two levels below the top: content 9 → part 9.1 → item 9.1.1. */
const ADJUSTMENT_LEVEL_OFFSET = 2;

/** Everything in the set that has a code, in document order. */
interface CodedEntry {
  code: string;
  /** JSON path of the object that holds the code. */
  path: string;
  /** Code of the enclosing entry; null at the top (fields and the adjustments content). */
  parentCode: string | null;
  level: number;
  /** The criteria node, absent for the adjustments content and its bonus/penalty parts. */
  node?: CriteriaNode;
  isLeaf?: boolean;
}

export function checkTreeRules(set: CriteriaSet, report: ReportIssue): void {
  const entries = listCodedEntries(set);
  for (const entry of entries) {
    checkCodeShape(entry, report);
    checkLevel(entry, report);
    if (entry.node) checkRulePlacement(entry.node, entry.path, entry.isLeaf === true, report);
  }
  checkUniqueCodes(entries, report);
  checkAdjustmentsHaveAPart(set, report);
}

function listCodedEntries(set: CriteriaSet): CodedEntry[] {
  const visits = [...walkSet(set)];
  const entries = visits.filter((visit) => visit.part === 'main').map((visit) => nodeEntry(visit, 0));
  const adjustments = set.adjustments;
  if (!adjustments) return entries;
  entries.push({ code: adjustments.code, path: 'adjustments', parentCode: null, level: 1 });
  for (const part of ['bonus', 'penalty'] as const) {
    const content = adjustments[part];
    if (content) entries.push({ code: content.code, path: `adjustments.${part}`, parentCode: adjustments.code, level: 2 });
  }
  const inAdjustments = visits.filter((visit) => visit.part !== 'main');
  return entries.concat(inAdjustments.map((visit) => nodeEntry(visit, ADJUSTMENT_LEVEL_OFFSET)));
}

function nodeEntry(visit: NodeVisit, levelOffset: number): CodedEntry {
  return {
    code: visit.node.code,
    path: visit.jsonPath,
    parentCode: visit.parentCode,
    level: visit.depth + levelOffset,
    node: visit.node,
    isLeaf: visit.isLeaf,
  };
}

export function isWellFormedCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

function checkCodeShape(entry: CodedEntry, report: ReportIssue): void {
  const { code, parentCode } = entry;
  const path = `${entry.path}.code`;
  if (!isWellFormedCode(code)) {
    report(path, `Mã ${JSON.stringify(code)} không đúng dạng: cần các số nguyên dương nối bằng dấu chấm, ví dụ 1, 1.2, 1.2.3.`);
  } else if (parentCode === null) {
    if (code.includes('.')) report(path, `Mã ở cấp cao nhất phải là một số (1, 2, …), không phải ${JSON.stringify(code)}.`);
  } else if (isWellFormedCode(parentCode) && !isDirectChildCode(code, parentCode)) {
    report(path, `Mã ${JSON.stringify(code)} phải có dạng "${parentCode}.<số>" vì nằm trong mục ${parentCode}.`);
  }
}

function isDirectChildCode(code: string, parentCode: string): boolean {
  const prefix = `${parentCode}.`;
  return code.startsWith(prefix) && !code.slice(prefix.length).includes('.');
}

/** Only the first level too deep is reported; what lies below it is implied. */
function checkLevel(entry: CodedEntry, report: ReportIssue): void {
  if (entry.level !== MAX_TREE_LEVELS + 1) return;
  report(
    entry.path,
    `Mục ${entry.code} nằm ở cấp ${entry.level}: bộ chỉ số chỉ được có tối đa ${MAX_TREE_LEVELS} cấp ` +
      '(lĩnh vực → tiêu chí → tiêu chí thành phần → một cấp chi tiết).',
  );
}

function checkRulePlacement(node: CriteriaNode, path: string, isLeaf: boolean, report: ReportIssue): void {
  if (isLeaf) {
    if (!node.rule) report(`${path}.rule`, `Mục ${node.code} không có mục con nên phải có quy tắc chấm điểm (rule).`);
    return;
  }
  if (node.rule) {
    report(`${path}.rule`, `Mục ${node.code} có mục con nên không được có quy tắc chấm điểm: điểm của nó là tổng điểm các mục con.`);
  }
  if (node.notApplicableAllowed !== undefined) {
    report(
      `${path}.notApplicableAllowed`,
      `Mục ${node.code} có mục con nên không dùng notApplicableAllowed: hãy đặt nó ở từng mục con không có mục con.`,
    );
  }
}

function checkUniqueCodes(entries: CodedEntry[], report: ReportIssue): void {
  const firstPathByCode = new Map<string, string>();
  for (const entry of entries) {
    const firstPath = firstPathByCode.get(entry.code);
    if (firstPath === undefined) firstPathByCode.set(entry.code, entry.path);
    else report(`${entry.path}.code`, `Mã ${JSON.stringify(entry.code)} bị trùng với mục ở ${firstPath}.`);
  }
}

function checkAdjustmentsHaveAPart(set: CriteriaSet, report: ReportIssue): void {
  const adjustments = set.adjustments;
  if (adjustments && !adjustments.bonus && !adjustments.penalty) {
    report('adjustments', 'Phần điểm thưởng, điểm trừ phải có ít nhất "bonus" hoặc "penalty"; nếu không dùng, hãy xóa cả phần "adjustments".');
  }
}
