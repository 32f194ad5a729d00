/** Document styles: Times New Roman 14 pt by default (docDefaults, so runs need no font of their
 *  own), and compact paragraph styles for table cells. Styles keep the XML small: a 2,000-row
 *  appendix would otherwise repeat the same run properties on every cell. */
import { AlignmentType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { FONT, SIZE } from './page-setup';
import type { Align } from './text';

const CELL_SIZES = [SIZE.appendix, SIZE.table] as const;
const CELL_ALIGNS = [AlignmentType.LEFT, AlignmentType.CENTER] as const;
export type CellSize = (typeof CELL_SIZES)[number];

/** The paragraph style of a table cell of this text size and alignment, e.g. "Cell24Center". */
export function cellStyle(size: CellSize, align: Align): string {
  return `Cell${size}${align === AlignmentType.CENTER ? 'Center' : 'Left'}`;
}

function cellParagraphStyles(): IParagraphStyleOptions[] {
  return CELL_SIZES.flatMap((size) =>
    CELL_ALIGNS.map((align) => ({
      id: cellStyle(size, align),
      name: `Ô bảng ${size / 2} pt ${align === AlignmentType.CENTER ? 'giữa' : 'trái'}`,
      basedOn: 'Normal',
      quickFormat: false,
      run: { size },
      paragraph: { alignment: align, spacing: { before: 0, after: 0 } },
    })),
  );
}

export function reportStyles(): IStylesOptions {
  return {
    default: { document: { run: { font: FONT, size: SIZE.body, language: { value: 'vi-VN' } } } },
    paragraphStyles: cellParagraphStyles(),
  };
}
