/**
 * Bordered data tables (the summary table and the appendices): a bold header row that repeats on
 * every page (`w:tblHeader`), rows that never split across pages, thin single borders, compact
 * cells styled by paragraph styles (styles.ts).
 *
 * Memory and speed: with 2,000 evidence rows the appendices hold ~15,000 cells. docx builds a
 * document's whole XML as objects, then a second tree of strings, then one string (~100 MB of
 * heap at the peak for this report). So a table stands in the docx document only as a placeholder
 * (`<w:tbl><parGrid id="n"/></w:tbl>`), and its XML is written row by row straight into the zip
 * (streamed-docx.ts): the report's memory no longer grows with its rows.
 */
import { AlignmentType, FileChild, type IXmlableObject } from 'docx';
import { cellStyle, type CellSize } from './styles';
import type { Align } from './text';

export interface GridCell {
  /** The text; a list (or newlines) gives one paragraph per line. */
  text: string | string[];
  bold?: boolean;
  italics?: boolean;
  align?: Align;
  /** Number of columns the cell spans (default 1). */
  span?: number;
}

export interface GridOptions {
  /** Half-points: 24 (12 pt) or 26 (13 pt). */
  size: CellSize;
}

/** XML text content: the five XML escapes, and characters XML 1.0 forbids left out (as docx does). */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- leaving out the control characters XML forbids is the point
  return text.replace(/[&<>"\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : ''));
}

const LINE = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
const BORDERS = `<w:tblBorders>${['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map((side) => `<${side} ${LINE}/>`).join('')}</w:tblBorders>`;
const margin = (side: string, w: number): string => `<w:${side} w:w="${w}" w:type="dxa"/>`;
const CELL_MARGINS = `<w:tblCellMar>${margin('top', 20)}${margin('left', 70)}${margin('bottom', 20)}${margin('right', 70)}</w:tblCellMar>`;
const ROW_PROPS = '<w:trPr><w:cantSplit/></w:trPr>';
const HEADER_ROW_PROPS = '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';

function cellProps(width: number, span: number, center: boolean): string {
  return `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${center ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>`;
}

function runXml(text: string, cell: GridCell): string {
  const props = `${cell.bold ? '<w:b/>' : ''}${cell.italics ? '<w:i/>' : ''}`;
  const t = text.trim() === text ? `<w:t>${xmlText(text)}</w:t>` : `<w:t xml:space="preserve">${xmlText(text)}</w:t>`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${t}</w:r>`;
}

/** One paragraph per line of text (an empty cell still holds one paragraph). */
function cellParagraphs(cell: GridCell, size: CellSize): string {
  const lines = (typeof cell.text === 'string' ? [cell.text] : cell.text).flatMap((t) => t.split('\n'));
  const pPr = `<w:pPr><w:pStyle w:val="${cellStyle(size, cell.align ?? AlignmentType.LEFT)}"/></w:pPr>`;
  return (lines.length > 0 ? lines : ['']).map((line) => `<w:p>${pPr}${line ? runXml(line, cell) : ''}</w:p>`).join('');
}

/** Short rows are kept on one page; a row with a long cell may break across pages (a row taller
 *  than a page that may not break would be cut off). */
const SPLITTABLE_PARAGRAPHS = 5;
const SPLITTABLE_CHARS = 400;

function isLongRow(cells: GridCell[]): boolean {
  return cells.some((cell) => {
    const lines = typeof cell.text === 'string' ? [cell.text] : cell.text;
    return lines.length > SPLITTABLE_PARAGRAPHS || lines.reduce((n, l) => n + l.length, 0) > SPLITTABLE_CHARS;
  });
}

function rowXml(widths: number[], cells: GridCell[], size: CellSize, header: boolean): string {
  let column = 0;
  const tcs = cells.map((cell) => {
    const span = cell.span ?? 1;
    const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
    column += span;
    return `<w:tc>${cellProps(width, span, header)}${cellParagraphs(cell, size)}</w:tc>`;
  });
  const props = header ? HEADER_ROW_PROPS : isLongRow(cells) ? '' : ROW_PROPS;
  return `<w:tr>${props}${tcs.join('')}</w:tr>`;
}

/** Rows given as a list, or made one at a time from the items they come from. */
export interface GridRows {
  count: number;
  row(index: number): GridCell[];
}

let nextGridId = 0;

/** A table in the docx document: a placeholder there, its XML written by xmlChunks() into the zip. */
export class GridTable extends FileChild {
  readonly gridId = nextGridId++;

  constructor(
    private readonly widths: number[],
    private readonly header: GridCell[],
    private readonly rows: GridRows,
    private readonly opts: GridOptions,
  ) {
    super('w:tbl');
  }

  override prepForXml(): IXmlableObject {
    return { 'w:tbl': [{ parGrid: { _attr: { id: this.gridId } } }] };
  }

  /** The table's XML, a few rows per chunk. */
  *xmlChunks(rowsPerChunk = 64): Generator<string> {
    const { widths, opts } = this;
    const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
    const total = widths.reduce((a, b) => a + b, 0);
    yield `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${BORDERS}<w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>`;
    yield rowXml(widths, this.header, opts.size, true);
    for (let start = 0; start < this.rows.count; start += rowsPerChunk) {
      let chunk = '';
      for (let i = start; i < Math.min(this.rows.count, start + rowsPerChunk); i++) chunk += rowXml(widths, this.rows.row(i), opts.size, false);
      yield chunk;
    }
    yield '</w:tbl>';
  }
}

export function headerCells(titles: string[]): GridCell[] {
  return titles.map((text) => ({ text, bold: true, align: AlignmentType.CENTER }));
}

export function gridTable(widths: number[], header: GridCell[], rows: GridCell[][] | GridRows, opts: GridOptions): GridTable {
  const source = Array.isArray(rows) ? { count: rows.length, row: (i: number) => rows[i]! } : rows;
  return new GridTable(widths, header, source, opts);
}
