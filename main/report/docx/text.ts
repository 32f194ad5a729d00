/** Small builders for runs, paragraphs and borderless layout tables in the report's style. */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { FIRST_LINE_INDENT } from './page-setup';

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface ParaStyle extends RunStyle {
  align?: Align;
  /** Space after, in twips (default 0). */
  after?: number;
  before?: number;
  firstLine?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
}

export const upperVi = (text: string): string => text.toLocaleUpperCase('vi-VN');

/** A run; the font (and 14 pt) come from the document defaults, so only differences are written. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, size: style.size, bold: style.bold || undefined, italics: style.italics || undefined });
}

function paragraphOptions(style: ParaStyle): IParagraphOptions {
  return {
    alignment: style.align ?? AlignmentType.LEFT,
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    indent: style.firstLine ? { firstLine: style.firstLine } : undefined,
    keepNext: style.keepNext,
    pageBreakBefore: style.pageBreakBefore,
  };
}

/**
 * Splits a heading into lines of similar length at word boundaries (about `maxChars` each), so
 * "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG" becomes "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ ĐÀ NẴNG" instead of
 * wrapping after "THÀNH".
 */
export function balancedLines(text: string, maxChars: number): string[] {
  const words = text.trim().split(/\s+/);
  const count = Math.ceil(text.trim().length / maxChars);
  if (count <= 1) return [text.trim()];
  const target = text.trim().length / count;
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    const overshoot = next.length - target;
    if (line && lines.length < count - 1 && overshoot > target - line.length) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, line];
}

/** Runs for lines separated by line breaks (one paragraph). */
export function lineRuns(lines: string[], style: RunStyle = {}): TextRun[] {
  return lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined, size: style.size, bold: style.bold || undefined, italics: style.italics || undefined }));
}

/** One paragraph of one run (or of the given runs). */
export function para(content: string | TextRun[], style: ParaStyle = {}): Paragraph {
  const children = typeof content === 'string' ? [run(content, style)] : content;
  return new Paragraph({ ...paragraphOptions(style), children });
}

export const centered = (text: string, style: ParaStyle = {}): Paragraph => para(text, { ...style, align: AlignmentType.CENTER });

/** A body paragraph: justified, first-line indent ~1.27 cm, 6 pt after. */
export function bodyPara(content: string | TextRun[], style: ParaStyle = {}): Paragraph {
  return para(content, { after: 120, firstLine: FIRST_LINE_INDENT, align: AlignmentType.JUSTIFIED, ...style });
}

/** A section heading ("I. …"): bold, indented like the body, kept with what follows. */
export const headingPara = (text: string): Paragraph => bodyPara(text, { bold: true, before: 120, keepNext: true });

/**
 * A short horizontal rule of `length` twips centred in `within` twips: an empty, tiny paragraph
 * whose bottom border is narrowed by equal left and right indents.
 */
export function shortRule(length: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 2 })],
  });
}

/** A table without borders used for layout (the national header, the signature block). */
export function layoutTable(widths: number[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map((cells) => new TableRow({ children: cells, cantSplit: true })),
  });
}

export function layoutCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, children });
}
