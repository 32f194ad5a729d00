/** The heading of an appendix: "Phụ lục N", its title, and "(Kèm theo Báo cáo số … ngày … của …)". */
import type { Paragraph } from 'docx';
import { formatDocumentDayVi } from '../../../shared/format/dates';
import { docNumberLine } from './header';
import type { ReportModel } from './model';
import { centered, upperVi } from './text';

export function appendixHeading(model: ReportModel, number: number, title: string, opts: { newPage: boolean }): Paragraph[] {
  const reference = `(Kèm theo Báo cáo ${docNumberLine(model).replace(/^Số: /, 'số ')} ${formatDocumentDayVi(model.reportDate)} của ${model.agency.ordinaryName})`;
  return [
    centered(`Phụ lục ${number}`, { bold: true, keepNext: true, pageBreakBefore: opts.newPage }),
    centered(upperVi(title), { bold: true, keepNext: true }),
    centered(reference, { italics: true, after: 240, keepNext: true }),
  ];
}
