/** The closing block: "Nơi nhận:" and its list at the left, the signature at the right. */
import type { Paragraph, Table } from 'docx';
import type { ReportModel } from './model';
import { PORTRAIT_TEXT_WIDTH, SIZE } from './page-setup';
import { centered, layoutCell, layoutTable, para, upperVi } from './text';

const LEFT_WIDTH = 4300;
const RIGHT_WIDTH = PORTRAIT_TEXT_WIDTH - LEFT_WIDTH;
/** Empty lines left for the signature and the seal (about 3 cm). */
const SIGNATURE_ROOM_LINES = 5;

function recipients(model: ReportModel): Paragraph[] {
  return [
    para('Nơi nhận:', { size: SIZE.recipientsTitle, bold: true, italics: true }),
    ...model.settings.recipients.map((line) => para(line, { size: SIZE.recipients })),
  ];
}

function signature(model: ReportModel): Paragraph[] {
  const authority = model.agency.signerAuthority.trim();
  return [
    ...(authority ? [centered(upperVi(authority), { bold: true })] : []),
    centered(upperVi(model.agency.signerTitle), { bold: true }),
    ...Array.from({ length: SIGNATURE_ROOM_LINES }, () => centered('')),
    centered(model.agency.signerName, { bold: true }),
  ];
}

export function signatureBlock(model: ReportModel): Table {
  return layoutTable([LEFT_WIDTH, RIGHT_WIDTH], [[layoutCell(LEFT_WIDTH, recipients(model)), layoutCell(RIGHT_WIDTH, signature(model))]]);
}
