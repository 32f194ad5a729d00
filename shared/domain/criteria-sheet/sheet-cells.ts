/**
 * Reading single cells of a template sheet with the problems reported at their address. A cell
 * the .xlsx reader could not accept (a formula, a date, a merged range…) arrives as a CellFlaw
 * and is reported here like any other problem, so every problem goes through one list.
 */
import { numberFromCell, type CellValue } from '../rule-cells';
import { cellRef, type CellFlaw, type GridCell, type SheetProblem } from './layout';

export function isFlaw(cell: GridCell): cell is CellFlaw {
  return typeof cell === 'object' && cell !== null;
}

export function isBlank(cell: GridCell): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Reads cells of one sheet, collecting problems and remembering which rows had one. */
export class SheetReader {
  readonly problems: SheetProblem[] = [];
  readonly rowsWithProblems = new Set<number>();

  constructor(readonly sheet: string) {}

  report(columnIndex: number | undefined, row: number, message: string): void {
    const cell = columnIndex === undefined ? `${this.sheet}!${row}:${row}` : cellRef(this.sheet, columnIndex, row);
    this.problems.push({ cell, message });
    this.rowsWithProblems.add(row);
  }

  /** The cell as a plain value, or undefined after reporting its flaw. */
  value(cells: readonly GridCell[], columnIndex: number | undefined, row: number): CellValue {
    if (columnIndex === undefined) return undefined;
    const cell = cells[columnIndex];
    if (isFlaw(cell)) {
      this.report(columnIndex, row, cell.flaw);
      return undefined;
    }
    return cell;
  }

  /** Text as written (numbers as their digits); undefined when blank. */
  text(cells: readonly GridCell[], columnIndex: number | undefined, row: number): string | undefined {
    const value = this.value(cells, columnIndex, row);
    if (value === undefined) return undefined;
    const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
    return text.trim() === '' ? undefined : text;
  }

  /** A number from a numeric cell or from "1,5"; undefined (after a report) when missing or wrong. */
  number(cells: readonly GridCell[], columnIndex: number | undefined, row: number, what: string, allowNegative = false): number | undefined {
    const value = this.value(cells, columnIndex, row);
    if (isFlaw(cells[columnIndex ?? -1])) return undefined;
    if (isBlank(value)) {
      this.report(columnIndex, row, `Thiếu ${what}.`);
      return undefined;
    }
    const parsed = numberFromCell(value, allowNegative);
    if (!parsed.ok) {
      this.report(columnIndex, row, `${what[0]!.toUpperCase()}${what.slice(1)}: ${parsed.message}`);
      return undefined;
    }
    return parsed.value;
  }
}
