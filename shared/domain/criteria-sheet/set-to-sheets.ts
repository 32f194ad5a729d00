/**
 * A criteria set as the two sheets of the template: one row per node on "Bộ chỉ số" (fields,
 * criteria, sub-criteria, then content 9 with its bonus/penalty parts and items), and the
 * metadata and classes on "Thông tin". sheetsToSet reads them back to the same set.
 */
import type { CriteriaNode, CriteriaSet } from '../criteria-set-schema';
import type { Parsed } from '../criteria-text-vi';
import { printYesNoVi } from '../criteria-text-vi';
import { ruleToCells, type CellValue } from '../rule-cells';
import {
  INFO_HEADER,
  INFO_LABELS,
  INFO_SHEET,
  LEVEL_WORDS,
  NODE_COLUMNS,
  NODE_COLUMN_TITLES,
  NODES_SHEET,
  ROUNDING_WORDS,
  STATUS_WORDS,
  type NodeColumn,
  type SheetGrid,
} from './layout';

export interface SetSheets {
  nodes: SheetGrid;
  info: SheetGrid;
  /** Depth of each node row (1 for a field or content 9), same order as nodes.rows after the header. */
  depths: number[];
}

type NodeCells = Partial<Record<NodeColumn, CellValue>>;

function rowOf(cells: NodeCells): CellValue[] {
  return NODE_COLUMNS.map((column) => cells[column]);
}

function nodeCells(node: CriteriaNode): Parsed<NodeCells> {
  const cells: NodeCells = {
    code: node.code,
    title: node.title,
    maxPoints: node.maxPoints,
    guidance: node.guidance === '' ? undefined : node.guidance,
    evidenceHint: node.evidenceHint === '' ? undefined : node.evidenceHint,
  };
  if (node.notApplicableAllowed !== undefined) cells.notApplicable = printYesNoVi(node.notApplicableAllowed);
  if (!node.rule) return { ok: true, value: cells };
  const rule = ruleToCells(node.rule);
  if (!rule.ok) return { ok: false, message: `Mục ${node.code}: ${rule.message}` };
  return { ok: true, value: { ...cells, ...rule.value } };
}

interface RowsBuilder {
  rows: CellValue[][];
  depths: number[];
}

function addNodes(nodes: readonly CriteriaNode[], depth: number, into: RowsBuilder): string | undefined {
  for (const node of nodes) {
    const cells = nodeCells(node);
    if (!cells.ok) return cells.message;
    into.rows.push(rowOf(cells.value));
    into.depths.push(depth);
    if (node.children) {
      const problem = addNodes(node.children, depth + 1, into);
      if (problem) return problem;
    }
  }
  return undefined;
}

function gridOf(name: string, rows: CellValue[][]): SheetGrid {
  return { name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) };
}

/** The sheets of `set`, or a message when a value cannot be written in the template's text forms. */
export function setToSheets(set: CriteriaSet): Parsed<SetSheets> {
  const builder: RowsBuilder = { rows: [NODE_COLUMNS.map((column) => NODE_COLUMN_TITLES[column])], depths: [] };
  const problem = addNodes(set.fields, 1, builder) ?? addAdjustments(set, builder);
  if (problem) return { ok: false, message: problem };
  return { ok: true, value: { nodes: gridOf(NODES_SHEET, builder.rows), info: gridOf(INFO_SHEET, infoRows(set)), depths: builder.depths } };
}

function addAdjustments(set: CriteriaSet, builder: RowsBuilder): string | undefined {
  const adjustments = set.adjustments;
  if (!adjustments) return undefined;
  builder.rows.push(rowOf({ code: adjustments.code, title: adjustments.title }));
  builder.depths.push(1);
  for (const part of [adjustments.bonus, adjustments.penalty]) {
    if (!part) continue;
    builder.rows.push(rowOf({ code: part.code, title: part.title, maxPoints: part.maxPoints }));
    builder.depths.push(2);
    const problem = addNodes(part.children, 3, builder);
    if (problem) return problem;
  }
  return undefined;
}

function infoRows(set: CriteriaSet): CellValue[][] {
  const rows: CellValue[][] = [
    [...INFO_HEADER],
    [INFO_LABELS.format, set.format],
    [INFO_LABELS.id, set.id],
    [INFO_LABELS.title, set.title],
    [INFO_LABELS.level, LEVEL_WORDS[set.level]],
    [INFO_LABELS.year, set.year],
    [INFO_LABELS.issuer, set.issuer],
    ...set.legalBasis.map((basis): CellValue[] => [INFO_LABELS.legalBasis, basis]),
    [INFO_LABELS.status, STATUS_WORDS[set.status]],
    [INFO_LABELS.decimals, set.rounding.decimals],
    [INFO_LABELS.mode, ROUNDING_WORDS[set.rounding.mode]],
    [INFO_LABELS.totalMaxPoints, set.totalMaxPoints],
    ...set.classes.map((resultClass): CellValue[] => [INFO_LABELS.classes, resultClass.name, resultClass.minPercent]),
  ];
  const adjustments = set.adjustments;
  if (adjustments) {
    rows.push([INFO_LABELS.adjustmentsCode, adjustments.code]);
    if (adjustments.bonus) rows.push([INFO_LABELS.bonusCode, adjustments.bonus.code]);
    if (adjustments.penalty) rows.push([INFO_LABELS.penaltyCode, adjustments.penalty.code]);
    rows.push([INFO_LABELS.countInPercent, printYesNoVi(adjustments.countInPercent)]);
  }
  return rows;
}
