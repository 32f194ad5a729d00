/** renderReportDocx: the ReportModel as a .docx (Nghị định 30/2020 format), built with `docx`. */
import { Document, type FileChild, type Paragraph } from 'docx';
import { appendix1 } from './appendix-1';
import { appendix2 } from './appendix-2';
import { closingPara, difficultiesSection, explanationsSection } from './explanations';
import { draftMark, missingBox, nationalHeader, titleBlock } from './header';
import { missingLines } from '../../assessment/missing-lines';
import type { ReportModel } from './model';
import { GridTable } from './grid';
import { firstPortraitSection, landscapeSection } from './page-setup';
import { packWithStreamedTables } from './streamed-docx';
import { reportStyles } from './styles';
import { summaryAppraisedSection } from './summary-appraised';
import { summarySection } from './summary-table';
import { signatureBlock } from './signature';
import { setCitation } from './set-citation';
import { bodyPara, para } from './text';

function introPara(model: ReportModel): Paragraph {
  return bodyPara(
    `Thực hiện hướng dẫn tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${model.year} theo ${setCitation(model.set)}, ${model.agency.ordinaryName} báo cáo kết quả như sau:`,
  );
}

function draftParts(model: ReportModel): { top: Paragraph[]; box: FileChild[] } {
  if (!model.draft) return { top: [], box: [] };
  return { top: [draftMark()], box: [missingBox(missingLines(model.completeness)), para('', { after: 120 })] };
}

/** The portrait body: header, title, parts I–III, closing, recipients and signature. */
export function reportBody(model: ReportModel): FileChild[] {
  const draft = draftParts(model);
  return [
    ...draft.top,
    nationalHeader(model),
    ...titleBlock(model),
    ...draft.box,
    introPara(model),
    ...(model.appraisal ? summaryAppraisedSection(model, model.appraisal) : summarySection(model)),
    ...explanationsSection(model),
    ...difficultiesSection(model),
    closingPara(model),
    para('', { after: 120 }),
    signatureBlock(model),
  ];
}

/** The docx document (its data tables as placeholders) and those tables, written into the zip by streamed-docx.ts. */
export function reportDocument(model: ReportModel): { document: Document; tables: GridTable[] } {
  const title = model.appraisal
    ? `Báo cáo kết quả cuối năm (tự đánh giá và thẩm định) Chỉ số cải cách hành chính năm ${model.year} của ${model.agency.ordinaryName}`
    : `Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${model.year} của ${model.agency.ordinaryName}`;
  const portrait = reportBody(model);
  const landscape = [...appendix1(model), ...appendix2(model)];
  const document = new Document({
    creator: model.agency.ordinaryName,
    title,
    description: model.draft ? 'Dự thảo' : 'Bản chính thức',
    styles: reportStyles(),
    sections: [firstPortraitSection(portrait), landscapeSection(landscape)],
  });
  return { document, tables: [...portrait, ...landscape].filter((child): child is GridTable => child instanceof GridTable) };
}

export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const { document, tables } = reportDocument(model);
  return packWithStreamedTables(document, tables);
}
