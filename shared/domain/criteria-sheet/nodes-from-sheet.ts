/**
 * Reading the "Bộ chỉ số" sheet: finds the header row (the one with "STT"), reads one node per
 * row and places it in the tree by its code: a row's code must extend the code of an open row
 * above it (1 → 1.1 → 1.1.1), codes are unique, and the table has no empty row in the middle.
 * Each problem is reported at its cell; the row then takes part with what could be read.
 */
import type { ScoringRule } from '../criteria-set-schema';
import { parseYesNoVi } from '../criteria-text-vi';
import { RULE_COLUMNS, ruleFromCells, type RuleCells } from '../rule-cells';
import { isWellFormedCode } from '../validate-tree-rules';
import { foldVi } from '../../format/search-fold';
import { NODE_COLUMNS, NODE_COLUMN_TITLES, NODES_SHEET, REQUIRED_NODE_COLUMNS, cellRef, type GridRow, type NodeColumn, type SheetGrid } from './layout';
import { isBlank, isFlaw, SheetReader } from './sheet-cells';

const HEADER_SEARCH_ROWS = 10;

export interface PlacedRow {
  row: number;
  code: string;
  title: string;
  maxPoints: number | undefined;
  guidance?: string;
  evidenceHint?: string;
  rule?: ScoringRule;
  notApplicableAllowed?: boolean;
  children: PlacedRow[];
  /** A problem was reported on this row or below it: its sums are not checked yet. */
  tainted: boolean;
}

export interface NodesRead {
  top: PlacedRow[];
  columns: Map<NodeColumn, number>;
  reader: SheetReader;
}

/** Which node column each header cell is. */
function readHeader(grid: SheetGrid, reader: SheetReader): { headerRow: number; columns: Map<NodeColumn, number> } | undefined {
  const headerRow = grid.rows.slice(0, HEADER_SEARCH_ROWS).find((row) => row.cells.some((cell) => typeof cell === 'string' && foldVi(cell) === 'stt'));
  if (!headerRow) {
    reader.problems.push({ cell: NODES_SHEET, message: `Không tìm thấy dòng tiêu đề có cột "STT" trong ${HEADER_SEARCH_ROWS} dòng đầu của trang "${NODES_SHEET}".` });
    return undefined;
  }
  const columns = new Map<NodeColumn, number>();
  headerRow.cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const title = isFlaw(cell) ? '' : String(cell);
    const column = NODE_COLUMNS.find((key) => foldVi(NODE_COLUMN_TITLES[key]) === foldVi(title));
    if (!column) reader.report(index, headerRow.row, `Cột "${title.trim()}" không thuộc mẫu; các cột của mẫu: ${NODE_COLUMNS.map((key) => `"${NODE_COLUMN_TITLES[key]}"`).join(', ')}.`);
    else if (columns.has(column)) reader.report(index, headerRow.row, `Cột "${NODE_COLUMN_TITLES[column]}" bị lặp lại.`);
    else columns.set(column, index);
  });
  const missing = REQUIRED_NODE_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    reader.report(undefined, headerRow.row, `Thiếu cột ${missing.map((column) => `"${NODE_COLUMN_TITLES[column]}"`).join(', ')} ở dòng tiêu đề.`);
    return undefined;
  }
  return { headerRow: headerRow.row, columns };
}

export function readNodesSheet(grid: SheetGrid | undefined, adjustmentsCode: string | undefined): NodesRead {
  const reader = new SheetReader(NODES_SHEET);
  const columns = new Map<NodeColumn, number>();
  if (!grid) {
    reader.problems.push({ cell: '', message: `Tệp không có trang "${NODES_SHEET}".` });
    return { top: [], columns, reader };
  }
  const header = readHeader(grid, reader);
  if (!header) return { top: [], columns, reader };
  const placer = new TreePlacer(reader, header.columns.get('code')!);
  const bodyRows = grid.rows.filter((row) => row.row > header.headerRow);
  let blankRows: number[] = [];
  for (const gridRow of bodyRows) {
    if (gridRow.cells.every(isBlank)) {
      blankRows.push(gridRow.row);
      continue;
    }
    for (const blank of blankRows) reader.report(0, blank, `Dòng ${blank} để trống giữa bảng; hãy xóa dòng trống (các dòng của bảng phải liền nhau).`);
    blankRows = [];
    const node = readNodeRow(gridRow, header.columns, reader, adjustmentsCode);
    if (node) placer.place(node);
  }
  placer.taint();
  return { top: placer.top, columns: header.columns, reader };
}

function readCode(gridRow: GridRow, columns: Map<NodeColumn, number>, reader: SheetReader): string | undefined {
  const index = columns.get('code');
  const value = reader.value(gridRow.cells, index, gridRow.row);
  if (typeof value === 'number' && !Number.isInteger(value)) {
    reader.report(index, gridRow.row, `STT ${String(value)} đang là số thập phân (1.10 sẽ thành 1.1); hãy định dạng cột STT là Văn bản (Text) rồi gõ lại mã.`);
    return undefined;
  }
  const code = value === undefined ? '' : String(value).trim();
  if (code === '') {
    if (!isFlaw(gridRow.cells[index ?? -1])) reader.report(index, gridRow.row, 'Thiếu STT (mã mục, ví dụ 1.2.3).');
    return undefined;
  }
  if (!isWellFormedCode(code)) {
    reader.report(index, gridRow.row, `STT "${code}" không đúng dạng: cần các số nguyên dương nối bằng dấu chấm, ví dụ 1, 1.2, 1.2.3.`);
    return undefined;
  }
  return code;
}

function readNodeRow(gridRow: GridRow, columns: Map<NodeColumn, number>, reader: SheetReader, adjustmentsCode: string | undefined): PlacedRow | undefined {
  const { row, cells } = gridRow;
  const at = (column: NodeColumn): number | undefined => columns.get(column);
  const code = readCode(gridRow, columns, reader);
  const title = reader.text(cells, at('title'), row)?.trim();
  if (title === undefined && !isFlaw(cells[at('title') ?? -1])) reader.report(at('title'), row, 'Thiếu tên lĩnh vực/tiêu chí.');
  const isAdjustments = code !== undefined && code === adjustmentsCode;
  let maxPoints: number | undefined;
  if (isAdjustments) {
    if (!isBlank(reader.value(cells, at('maxPoints'), row))) {
      reader.report(at('maxPoints'), row, `Mục ${code} (điểm thưởng, điểm trừ) không có điểm tối đa riêng; hãy để trống ô này (ghi điểm tối đa ở từng phần thưởng, trừ).`);
    }
  } else {
    maxPoints = reader.number(cells, at('maxPoints'), row, 'điểm tối đa');
  }
  const node: PlacedRow = { row, code: code ?? '', title: title ?? '(chưa có tên)', maxPoints, children: [], tainted: false };
  const guidance = reader.value(cells, at('guidance'), row);
  if (!isBlank(guidance)) node.guidance = String(guidance);
  const evidenceHint = reader.value(cells, at('evidenceHint'), row);
  if (!isBlank(evidenceHint)) node.evidenceHint = String(evidenceHint);
  const notApplicable = reader.text(cells, at('notApplicable'), row);
  if (notApplicable !== undefined) {
    const parsed = parseYesNoVi(notApplicable);
    if (parsed.ok) node.notApplicableAllowed = parsed.value;
    else reader.report(at('notApplicable'), row, `"Được đánh dấu không áp dụng": ${parsed.message}`);
  }
  const ruleCells: RuleCells = {};
  for (const column of RULE_COLUMNS) ruleCells[column] = reader.value(cells, at(column), row);
  const rule = ruleFromCells(ruleCells);
  if (rule.ok) {
    if (rule.rule) node.rule = rule.rule;
  } else {
    const flawed = (column: NodeColumn): boolean => isFlaw(cells[at(column) ?? -1]);
    for (const problem of rule.problems) if (!flawed(problem.column)) reader.report(at(problem.column) ?? at('code'), row, problem.message);
  }
  return code === undefined ? undefined : node;
}

/** Places rows under their parent by code; the parent must be an open row above. */
class TreePlacer {
  readonly top: PlacedRow[] = [];
  private readonly stack: PlacedRow[] = [];
  private readonly byCode = new Map<string, PlacedRow>();
  private readonly extraTaint = new Set<PlacedRow>();

  constructor(
    private readonly reader: SheetReader,
    private readonly codeIndex: number,
  ) {}

  place(node: PlacedRow): void {
    const first = this.byCode.get(node.code);
    if (first) {
      this.reader.report(this.codeIndex, node.row, `Mã ${node.code} bị trùng với dòng ${first.row} (${cellRef(this.reader.sheet, this.codeIndex, first.row)}).`);
      this.taintNearest(node.code);
      return;
    }
    const parentCode = node.code.includes('.') ? node.code.slice(0, node.code.lastIndexOf('.')) : null;
    let depth = this.stack.length;
    while (depth > 0 && !node.code.startsWith(`${this.stack[depth - 1]!.code}.`)) depth--;
    const open = this.stack[depth - 1];
    if (parentCode !== null && open?.code !== parentCode) {
      const parent = this.byCode.get(parentCode);
      const message = parent
        ? `Mã ${node.code} phải nằm ngay trong nhóm của mục ${parentCode} (dòng ${parent.row}), không tách rời phía dưới.`
        : `Mã ${node.code} không nối tiếp mục cha: phía trên không có dòng ${parentCode}.`;
      this.reader.report(this.codeIndex, node.row, message);
      this.taintNearest(node.code);
      return;
    }
    this.stack.length = depth;
    (open ? open.children : this.top).push(node);
    this.byCode.set(node.code, node);
    this.stack.push(node);
  }

  /** The closest existing ancestor of a misplaced row cannot have its sum checked. */
  private taintNearest(code: string): void {
    for (let cut = code.lastIndexOf('.'); cut > 0; cut = code.lastIndexOf('.', cut - 1)) {
      const ancestor = this.byCode.get(code.slice(0, cut));
      if (ancestor) {
        this.extraTaint.add(ancestor);
        return;
      }
    }
  }

  /** Marks rows with problems and all their ancestors. */
  taint(): void {
    const visit = (node: PlacedRow): boolean => {
      let tainted = this.reader.rowsWithProblems.has(node.row) || this.extraTaint.has(node);
      for (const child of node.children) tainted = visit(child) || tainted;
      node.tainted = tainted;
      return tainted;
    };
    for (const node of this.top) visit(node);
  }
}
