/**
 * "Báo cáo giải trình, bổ sung tài liệu kiểm chứng" (.docx, Nghị định 30/2020 layout): the report's
 * own pieces (national header with number and date, title, signature block and "Nơi nhận"), then
 * each request of the council with the officer's answer and the documents attached to it.
 */
import type Database from 'better-sqlite3';
import { AlignmentType, Document, Packer, type FileChild, type Paragraph } from 'docx';
import type { AppraisalCriterionView, ResponseExportInput } from '../../shared/api/channels/appraisal';
import type { ExportedFileView } from '../../shared/api/channels/history';
import { AppFailure } from '../../shared/api/result';
import { normalizeRecipients } from '../../shared/api/report-entities';
import { formatDateVi } from '../../shared/format/dates';
import { writeFileAtomic } from '../disk/atomic-write';
import { getAgency } from '../store/queries/agencies';
import { requireAssessment } from '../assessment/assessment-view';
import { buildReportModel, localIsoDate } from '../report/docx/build-model';
import { evidenceLine } from '../report/docx/format';
import { nationalHeader } from '../report/docx/header';
import type { ReportModel } from '../report/docx/model';
import { firstPortraitSection } from '../report/docx/page-setup';
import { signatureBlock } from '../report/docx/signature';
import { reportStyles } from '../report/docx/styles';
import { bodyPara, centered, para, shortRule } from '../report/docx/text';
import { EXPORTS_FOLDER } from '../report/export-report';
import { asciiSlug } from '../report/report-file-name';
import { listPoints } from '../store/queries/appraisal';
import { buildAppraisalView } from './appraisal-view';
import { requireRequestRound } from './request-rounds';
import { PORTRAIT_TEXT_WIDTH } from '../report/docx/page-setup';
import path from 'node:path';

export const RESPONSE_TITLE = 'Giải trình, bổ sung tài liệu kiểm chứng';
const REQUEST_TEXT = { explain: 'Đề nghị giải trình', 'add-evidence': 'Đề nghị bổ sung tài liệu kiểm chứng', none: '' } as const;

function requestParas(c: AppraisalCriterionView, n: number): Paragraph[] {
  const deadline = c.deadline ? ` (hạn ${formatDateVi(c.deadline)})` : '';
  const docs = c.documents.map((d) => {
    const files = d.fileNames.length > 0 ? ` (tệp: ${d.fileNames.join(', ')})` : '';
    return bodyPara(`- ${evidenceLine({ docNumber: d.docNumber, issuedOn: d.issuedOn, summary: d.summary, files: [] })}${files}`);
  });
  return [
    bodyPara(`${n}. Tiêu chí ${c.code}: ${c.title}`, { bold: true, keepNext: true }),
    bodyPara(`${REQUEST_TEXT[c.request]}${deadline}${c.comment ? `: ${c.comment}` : '.'}`, { italics: true }),
    bodyPara(`Giải trình: ${c.explanation.trim() || '(chưa giải trình)'}`),
    bodyPara(docs.length > 0 ? 'Tài liệu kiểm chứng kèm theo:' : 'Tài liệu kiểm chứng kèm theo: không có.'),
    ...docs,
  ];
}

export function responseBody(model: ReportModel, requests: readonly AppraisalCriterionView[], rounds: string): FileChild[] {
  const summary = `${RESPONSE_TITLE} kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${model.year}`;
  return [
    nationalHeader(model),
    centered('BÁO CÁO', { bold: true, before: 360 }),
    para(summary, { bold: true, align: AlignmentType.CENTER }),
    shortRule(2000, PORTRAIT_TEXT_WIDTH),
    para('', { after: 120 }),
    bodyPara(`Thực hiện kết quả thẩm định ${rounds} của Hội đồng thẩm định Chỉ số cải cách hành chính năm ${model.year}, ${model.agency.ordinaryName} giải trình, bổ sung tài liệu kiểm chứng như sau:`),
    ...requests.flatMap((c, i) => requestParas(c, i + 1)),
    bodyPara(`Trên đây là báo cáo giải trình, bổ sung tài liệu kiểm chứng của ${model.agency.ordinaryName}./.`),
    para('', { after: 120 }),
    signatureBlock(model),
  ];
}

/** The response .docx in memory: every request of the appraisal (each criterion's newest), or only
 *  those of one round (`round`, else `input.round`: that round's own requests and answers, also
 *  when a later round named the same criterion), as in the response package of that round. */
export async function renderResponseDocx(db: Database.Database, input: ResponseExportInput, now: string, round = input.round): Promise<{ bytes: Buffer; fileName: string }> {
  const { model, view } = db.transaction(() => {
    const a = requireAssessment(db, input.assessmentId);
    if (round !== undefined) requireRequestRound(db, input.assessmentId, listPoints(db, input.assessmentId), round);
    const agency = getAgency(db, a.agencyId)!;
    const base = buildReportModel(db, input.assessmentId, now);
    const recipients = input.recipients.length > 0 ? normalizeRecipients(input.recipients, agency) : base.settings.recipients;
    const settings = { ...base.settings, docNumber: input.docNumber, recipients };
    return { model: { ...base, settings, reportDate: input.docDate ?? localIsoDate(now) }, view: buildAppraisalView(db, input.assessmentId, { round }) };
  })();
  const requests = view.criteria.filter((c) => c.request !== 'none');
  if (requests.length === 0) throw new AppFailure('CONFLICT', 'Kết quả thẩm định không có đề nghị giải trình, bổ sung nào để báo cáo.');
  const rounds = view.rounds
    .filter((r) => round === undefined || r.round === round)
    .map((r) => `vòng ${r.round}${r.appraisedOn ? ` ngày ${formatDateVi(r.appraisedOn)}` : ''}`)
    .join(', ');
  const document = new Document({
    creator: model.agency.ordinaryName,
    title: `${RESPONSE_TITLE} năm ${model.year}`,
    styles: reportStyles(),
    sections: [firstPortraitSection(responseBody(model, requests, rounds))],
  });
  const bytes = await Packer.toBuffer(document);
  const ofRound = round === undefined ? '' : `-vong-${round}`;
  return { bytes, fileName: `bao-cao-giai-trinh-${model.year}-${asciiSlug(model.agency.abbreviation || model.agency.name)}${ofRound}.docx` };
}

export async function exportResponseDocx(db: Database.Database, dataDir: string, input: ResponseExportInput, now: string): Promise<ExportedFileView> {
  const { bytes, fileName } = await renderResponseDocx(db, input, now);
  await writeFileAtomic(path.join(dataDir, EXPORTS_FOLDER, fileName), bytes);
  return { fileName, size: bytes.length, downloadPath: `${EXPORTS_FOLDER}/${fileName}` };
}
