/**
 * Bordered data tables (the summary table and the appendices): a bold header row that repeats on
 * every page (`w:tblHeader`), rows that never split across pages, thin single borders, compact
 * cells styled by paragraph styles (styles.ts).
 *
 * Speed: with 2,000 evidence rows the appendices hold ~15,000 cells. Built from docx's Table /
 * TableCell / Paragraph / TextRun classes they took ~2 s and ~500 MB; here each table is a docx
 * `FileChild` whose XML tree is prepared once from plain objects (docx's own serialiser still
 * writes it), which keeps the export under the 1 s target.
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

type Xml = IXmlableObject;

const attr = (tag: string, attributes: Record<string, string | number>): Xml => ({ [tag]: { _attr: attributes } });
const LINE = { 'w:val': 'single', 'w:sz': 4, 'w:space': 0, 'w:color': '000000' };
const BORDERS: Xml = { 'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map((side) => attr(side, LINE)) };
const CELL_MARGINS: Xml = {
  'w:tblCellMar': [attr('w:top', { 'w:w': 20, 'w:type': 'dxa' }), attr('w:left', { 'w:w': 70, 'w:type': 'dxa' }), attr('w:bottom', { 'w:w': 20, 'w:type': 'dxa' }), attr('w:right', { 'w:w': 70, 'w:type': 'dxa' })],
};
const ROW_PROPS: Xml = { 'w:trPr': [{ 'w:cantSplit': {} }] };
const HEADER_ROW_PROPS: Xml = { 'w:trPr': [{ 'w:cantSplit': {} }, { 'w:tblHeader': {} }] };
const BOLD: Xml = { 'w:b': {} };
const ITALIC: Xml = { 'w:i': {} };
const PRESERVE_SPACE = { _attr: { 'xml:space': 'preserve' } };

/** Shared pieces (cell properties per width, paragraph properties per style) are built once. */
class XmlCache {
  private readonly cellProps = new Map<string, Xml>();
  private readonly paraProps = new Map<string, Xml>();

  cell(width: number, span: number, center: boolean): Xml {
    const key = `${width}/${span}/${center}`;
    let props = this.cellProps.get(key);
    if (!props) {
      const parts = [attr('w:tcW', { 'w:w': width, 'w:type': 'dxa' })];
      if (span > 1) parts.push(attr('w:gridSpan', { 'w:val': span }));
      if (center) parts.push(attr('w:vAlign', { 'w:val': 'center' }));
      props = { 'w:tcPr': parts };
      this.cellProps.set(key, props);
    }
    return props;
  }

  paragraph(style: string): Xml {
    let props = this.paraProps.get(style);
    if (!props) {
      props = { 'w:pPr': [attr('w:pStyle', { 'w:val': style })] };
      this.paraProps.set(style, props);
    }
    return props;
  }
}

function runXml(text: string, cell: GridCell): Xml {
  const props = [...(cell.bold ? [BOLD] : []), ...(cell.italics ? [ITALIC] : [])];
  const t = { 'w:t': text.trim() === text ? [text] : [PRESERVE_SPACE, text] };
  return { 'w:r': props.length > 0 ? [{ 'w:rPr': props }, t] : [t] };
}

/** One paragraph per line of text (an empty cell still holds one paragraph). */
function cellParagraphs(cell: GridCell, size: CellSize, cache: XmlCache): Xml[] {
  const lines = (typeof cell.text === 'string' ? [cell.text] : cell.text).flatMap((t) => t.split('\n'));
  const pPr = cache.paragraph(cellStyle(size, cell.align ?? AlignmentType.LEFT));
  return (lines.length > 0 ? lines : ['']).map((line) => ({ 'w:p': line ? [pPr, runXml(line, cell)] : [pPr] }));
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

/** Row properties, or null for a long row that may break across pages. */
function rowProps(cells: GridCell[], header: boolean): Xml | null {
  if (header) return HEADER_ROW_PROPS;
  return isLongRow(cells) ? null : ROW_PROPS;
}

function rowXml(widths: number[], cells: GridCell[], size: CellSize, header: boolean, cache: XmlCache): Xml {
  let column = 0;
  const tcs = cells.map((cell) => {
    const span = cell.span ?? 1;
    const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
    column += span;
    return { 'w:tc': [cache.cell(width, span, header), ...cellParagraphs(cell, size, cache)] };
  });
  const props = rowProps(cells, header);
  return { 'w:tr': props ? [props, ...tcs] : tcs };
}

/** A docx body element whose XML is prepared from plain objects. */
class PreparedTable extends FileChild {
  constructor(private readonly xml: Xml) {
    super('w:tbl');
  }

  override prepForXml(): Xml {
    return this.xml;
  }
}

export function headerCells(titles: string[]): GridCell[] {
  return titles.map((text) => ({ text, bold: true, align: AlignmentType.CENTER }));
}

export function gridTable(widths: number[], header: GridCell[], rows: GridCell[][], opts: GridOptions): FileChild {
  const cache = new XmlCache();
  const tblPr = { 'w:tblPr': [attr('w:tblW', { 'w:w': widths.reduce((a, b) => a + b, 0), 'w:type': 'dxa' }), BORDERS, attr('w:tblLayout', { 'w:type': 'fixed' }), CELL_MARGINS] };
  const tblGrid = { 'w:tblGrid': widths.map((w) => attr('w:gridCol', { 'w:w': w })) };
  const trs = [rowXml(widths, header, opts.size, true, cache), ...rows.map((cells) => rowXml(widths, cells, opts.size, false, cache))];
  return new PreparedTable({ 'w:tbl': [tblPr, tblGrid, ...trs] });
}
