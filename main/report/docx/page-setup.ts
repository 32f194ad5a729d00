/** Page setup of Nghị định 30/2020/NĐ-CP: A4 (exact twips: docx's millimetre helper truncates),
 *  margins 20/20/30/15 mm, Times New Roman, page numbers centred in the top margin and absent on
 *  page 1. Sizes are in half-points (28 = 14 pt). */
import { AlignmentType, Header, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx';

export const A4_TWIPS = { width: 11906, height: 16838 } as const;
export const MARGIN_TWIPS = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 } as const;
export const FONT = 'Times New Roman';
export const SIZE = {
  body: 28,
  header: 26,
  motto: 24,
  slogan: 26,
  table: 26,
  appendix: 24,
  recipientsTitle: 24,
  recipients: 22,
  pageNumber: 26,
} as const;
/** About 1.27 cm. */
export const FIRST_LINE_INDENT = 720;
export const PORTRAIT_TEXT_WIDTH = A4_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right;
export const LANDSCAPE_TEXT_WIDTH = A4_TWIPS.height - MARGIN_TWIPS.left - MARGIN_TWIPS.right;

/** The centred PAGE field shown in the top margin. */
function pageNumberHeader(): Header {
  const number = new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber });
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [number] })] });
}

const emptyHeader = (): Header => new Header({ children: [new Paragraph({ children: [] })] });

/** The first section: portrait, with an empty header on page 1 (`titlePage`). */
export function firstPortraitSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: { size: { ...A4_TWIPS, orientation: PageOrientation.PORTRAIT }, margin: MARGIN_TWIPS },
    },
    headers: { default: pageNumberHeader(), first: emptyHeader() },
    children,
  };
}

/** A landscape section for the wide appendix tables (docx swaps width and height itself). */
export function landscapeSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      titlePage: false,
      page: { size: { ...A4_TWIPS, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN_TWIPS },
    },
    headers: { default: pageNumberHeader() },
    children,
  };
}
