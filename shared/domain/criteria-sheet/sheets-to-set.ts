/**
 * Reading a criteria set from the template's sheets: the cells are read and placed (every
 * problem at its cell), then the set goes through the SAME validation as a JSON file
 * (validateCriteriaSet) and each of its issues is reported at the cell its JSON path points to.
 * Issues that follow from a problem already reported (a sum above a row whose maximum is
 * missing) are held back until the file is fixed, so each mistake is reported once, where it is.
 */
import type { AdjustmentPart, CriteriaNode, CriteriaSet } from '../criteria-set-schema';
import { validateCriteriaSet, type CriteriaSetStats } from '../validate-criteria-set';
import type { ValidationIssue } from '../validation-issue';
import { readInfoSheet, type InfoRead } from './info-from-sheet';
import { INFO_SHEET, NODES_SHEET, cellRef, type NodeColumn, type SheetGrid, type SheetProblem } from './layout';
import { readNodesSheet, type NodesRead, type PlacedRow } from './nodes-from-sheet';

export type SheetsRead = { ok: true; set: CriteriaSet; stats: CriteriaSetStats } | { ok: false; problems: SheetProblem[] };

/** A leaf whose rule could not be read still needs one to pass the schema; its row is tainted. */
const PLACEHOLDER_RULE = { kind: 'yesNo' } as const;

interface Assembly {
  set: Record<string, unknown>;
  rows: Map<string, PlacedRow>;
  problems: SheetProblem[];
}

function toNode(placed: PlacedRow, path: string, rows: Map<string, PlacedRow>): CriteriaNode {
  rows.set(path, placed);
  const node: CriteriaNode = { code: placed.code, title: placed.title, maxPoints: placed.maxPoints ?? 0 };
  if (placed.guidance !== undefined) node.guidance = placed.guidance;
  if (placed.evidenceHint !== undefined) node.evidenceHint = placed.evidenceHint;
  const isLeaf = placed.children.length === 0;
  if (placed.rule) node.rule = placed.rule;
  else if (isLeaf && placed.tainted) node.rule = PLACEHOLDER_RULE;
  if (placed.notApplicableAllowed !== undefined) node.notApplicableAllowed = placed.notApplicableAllowed;
  if (!isLeaf) node.children = placed.children.map((child, i) => toNode(child, `${path}.children[${i}]`, rows));
  return node;
}

function assemble(info: InfoRead, nodes: NodesRead): Assembly {
  const rows = new Map<string, PlacedRow>();
  const problems: SheetProblem[] = [];
  const { codes } = info;
  const fieldRows = nodes.top.filter((row) => row.code !== codes.adjustments);
  const set: Record<string, unknown> = { ...info.info, fields: fieldRows.map((row, i) => toNode(row, `fields[${i}]`, rows)) };
  const adjustmentsRow = nodes.top.find((row) => row.code === codes.adjustments);
  if (codes.adjustments !== undefined && !adjustmentsRow) {
    problems.push({ cell: info.cells.get('adjustments.code') ?? INFO_SHEET, message: `Không có dòng mã ${codes.adjustments} (mục điểm thưởng, điểm trừ) trong trang "${NODES_SHEET}".` });
  }
  if (!adjustmentsRow) return { set, rows, problems };
  rows.set('adjustments', adjustmentsRow);
  const adjustments: Record<string, unknown> = { code: adjustmentsRow.code, title: adjustmentsRow.title, countInPercent: codes.countInPercent };
  for (const partRow of adjustmentsRow.children) {
    const part = partRow.code === codes.bonus ? 'bonus' : partRow.code === codes.penalty ? 'penalty' : undefined;
    if (!part) {
      problems.push({
        cell: cellRef(NODES_SHEET, nodes.columns.get('code')!, partRow.row),
        message: `Mục ${partRow.code} nằm trong mục điểm thưởng, điểm trừ nhưng không phải phần điểm thưởng (${codes.bonus ?? 'chưa ghi'}) hay phần điểm trừ (${codes.penalty ?? 'chưa ghi'}) ghi ở trang "${INFO_SHEET}".`,
      });
      continue;
    }
    rows.set(`adjustments.${part}`, partRow);
    const content: AdjustmentPart = {
      code: partRow.code,
      title: partRow.title,
      maxPoints: partRow.maxPoints ?? 0,
      children: partRow.children.map((child, i) => toNode(child, `adjustments.${part}.children[${i}]`, rows)),
    };
    adjustments[part] = content;
  }
  set.adjustments = adjustments;
  return { set, rows, problems };
}

/** The node column an issue's path ends in: `.rule.tiers[2].fromPercent` → tiers. */
function columnOfSuffix(suffix: string): NodeColumn {
  const [, first, second] = /^\.?([A-Za-z]*)(?:\.([A-Za-z]+))?/.exec(suffix) ?? [];
  if (first === 'rule') {
    if (!second || second === 'kind' || second === 'mode') return 'ruleWord';
    if (second === 'levels') return /\]\.id$/.test(suffix) ? 'levelIds' : 'levels';
    return second as NodeColumn;
  }
  if (first === 'notApplicableAllowed') return 'notApplicable';
  if (first === 'title' || first === 'maxPoints' || first === 'guidance' || first === 'evidenceHint') return first;
  return 'code';
}

/** `a.b[2].c` → `a.b[2]` → `a.b` → `a` → ''. */
function shorterPaths(path: string): string[] {
  const paths = [path];
  let current = path;
  while (current !== '') {
    current = current.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    if (current === paths[paths.length - 1]) break;
    paths.push(current);
  }
  return paths;
}

interface Located {
  cell: string;
  /** The issue follows from a problem already reported at or below this place. */
  heldBack: boolean;
}

function locate(issue: ValidationIssue, info: InfoRead, nodes: NodesRead, rows: Map<string, PlacedRow>, fieldsTainted: boolean): Located {
  for (const prefix of shorterPaths(issue.path)) {
    const placed = rows.get(prefix);
    if (placed) {
      const column = nodes.columns.get(columnOfSuffix(issue.path.slice(prefix.length))) ?? nodes.columns.get('code')!;
      return { cell: cellRef(NODES_SHEET, column, placed.row), heldBack: placed.tainted };
    }
    if (info.placeholders.has(prefix)) return { cell: INFO_SHEET, heldBack: true };
    const infoCell = info.cells.get(prefix);
    if (infoCell) {
      const row = Number(/(\d+)$/.exec(infoCell)?.[1]);
      return { cell: infoCell, heldBack: info.reader.rowsWithProblems.has(row) || (prefix === 'totalMaxPoints' && fieldsTainted) };
    }
    if (prefix === 'fields') return { cell: NODES_SHEET, heldBack: fieldsTainted };
  }
  return { cell: '', heldBack: false };
}

/** Reads and validates a criteria set from the sheets of a workbook (other sheets are ignored). */
export function sheetsToSet(sheets: readonly SheetGrid[]): SheetsRead {
  const info = readInfoSheet(sheets.find((sheet) => sheet.name === INFO_SHEET));
  if (!sheets.some((sheet) => sheet.name === INFO_SHEET)) info.reader.problems.unshift({ cell: '', message: `Tệp không có trang "${INFO_SHEET}".` });
  const nodes = readNodesSheet(
    sheets.find((sheet) => sheet.name === NODES_SHEET),
    info.codes.adjustments,
  );
  const assembly = assemble(info, nodes);
  const problems = [...nodes.reader.problems, ...info.reader.problems, ...assembly.problems];
  const fieldsTainted = nodes.top.some((row) => row.tainted) || nodes.columns.size === 0;
  const checked = validateCriteriaSet(assembly.set);
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const located = locate(issue, info, nodes, assembly.rows, fieldsTainted);
      if (!located.heldBack) problems.push({ cell: located.cell, message: issue.message });
    }
  }
  if (problems.length > 0 || !checked.ok) {
    return { ok: false, problems: problems.length > 0 ? problems : [{ cell: '', message: 'Bộ chỉ số chưa hợp lệ.' }] };
  }
  return { ok: true, set: checked.set, stats: checked.stats };
}
