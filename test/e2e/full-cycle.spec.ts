/**
 * The whole year of an agency end to end in Chromium against the real backend, clicking as the
 * officer: lock (and unlock with a reason, then lock again), submit the signed PDF with the
 * document's number and dates, import the council's appraisal with two requests, answer them (one
 * explanation, one new document with its file), export the response .docx and the response package
 * (checked with `par verify`), import a second round that asks again, export the response package
 * of either round, export the final report with the appraisal columns, close with rank and class, read the
 * history in words, bring the round-1 response package back through "Nhập gói" (already here:
 * nothing changes) and open the assessment from there; then create next year on a changed set, correct one mapping, accept a
 * suggestion, and compare three years. Screens with forms open pass axe.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AnswerInput } from '../../shared/domain/answer';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { findLeaf, walkSet } from '../../shared/domain/criteria-tree';
import { evaluateLeaf } from '../../shared/domain/scoring-leaf';
import { fullAnswers } from '../helpers/answer-generator';
import { makePdf } from '../helpers/sample-documents';
import { repoRoot } from '../helpers/web-server-process';
import { docxText, downloadFrom, expectAccessible, lifecycleSteps, lockAssessment, submitSignedReport, unlockAssessment } from './cycle-steps';
import { expect, test } from './fixtures';
import { callThroughApi, createDocumentsThroughApi } from './page-api';
import { quickStart, sampleSet, saveThroughApi, treeItem } from './officer-steps';

const EXPLANATION = 'Tài liệu kiểm chứng lưu tại Văn phòng Sở.';
const answers = [...fullAnswers(sampleSet, 1)].map(([code, a]): [string, AnswerInput] => [code, { ...a, explanation: a.explanation || EXPLANATION }]);
const setHash = createHash('sha256').update(canonicalJson(sampleSet), 'utf8').digest('hex');

// --- The council's files: round 1 asks to explain 1.1.1 and to add evidence for 1.4.2.
const leaf111 = findLeaf(sampleSet, '1.1.1')!.node;
const self111 = evaluateLeaf(sampleSet, leaf111, new Map(answers).get('1.1.1')).pointsMilli ?? 0;
/** The council's points for 1.1.1: always different from the self score, so the row is highlighted. */
const appraised111 = self111 === 0 ? 1 : 0;
const round = (n: number, extra: Record<string, unknown>) =>
  Buffer.from(JSON.stringify({ format: 'par-appraisal/v1', agency: { name: 'SỞ NỘI VỤ', abbreviation: 'SNV' }, year: 2026, setHash, round: n, appraisedOn: '2027-01-20', ...extra }));
const REQUEST_111 = 'Kế hoạch ban hành chậm.';
const REQUEST_142 = 'Thiếu tin, bài đã đăng.';
const ANSWER_111 = 'Kế hoạch ban hành chậm do sáp nhập đơn vị.';
const firstRound = round(1, {
  criteria: [
    { code: '1.1.1', points: appraised111, comment: REQUEST_111, request: 'explain', deadline: '2027-02-05' },
    { code: '1.4.2', comment: REQUEST_142, request: 'add-evidence', deadline: '2027-02-05' },
  ],
  survey: [{ code: '8.1.1', points: 2 }],
});
const secondRound = round(2, {
  criteria: [
    { code: '1.1.1', points: 1, comment: 'Đã giải trình hợp lý.' },
    { code: '1.6', comment: 'Chưa thấy quy chế thi đua sửa đổi.', request: 'explain', deadline: '2027-03-01' },
  ],
});

// --- Next year's set: the sample for 2027 with one leaf's title changed.
const mainLeaves = [...walkSet(sampleSet)].filter((v) => v.part === 'main' && v.isLeaf && v.node.rule?.kind !== 'survey');
const docCode = mainLeaves[0]!.node.code;
const cutCode = mainLeaves.at(-1)!.node.code;
function nextYearSet(): CriteriaSet {
  const set = structuredClone(sampleSet);
  set.year = 2027;
  set.id = `${set.id}-2027`;
  set.title = `${set.title} (năm 2027)`;
  const changed = [...walkSet(set)].find((v) => v.node.code === mainLeaves[1]!.node.code)!.node;
  changed.title = `${changed.title} theo quy định mới`;
  return set;
}

const UNLOCK_REASON = 'Bổ sung giải trình trước khi nộp';

test('an officer carries a year through lock, submission, appraisal, answers, close and history, then starts next year and compares three years', async ({ page, app }) => {
  test.setTimeout(180_000);
  await quickStart(page, app.url);
  await saveThroughApi(page, answers);
  await createDocumentsThroughApi(page, docCode, [{ docNumber: '01/KH-SNV', summary: 'Kế hoạch cải cách hành chính năm 2026' }]);
  const { summary } = (await callThroughApi(page, 'criteriaSets:import', { fileName: 'bo-2027.json', text: JSON.stringify(nextYearSet()), confirmNewVersion: false })) as { summary: { hash: string } };
  const agencyId = ((await callThroughApi(page, 'agencies:list', {})) as { agencies: { id: number }[] }).agencies[0]!.id;
  await page.reload();

  // --- Lock, unlock with a reason (kept in the history), lock again, submit.
  await lockAssessment(page);
  await unlockAssessment(page, UNLOCK_REASON);
  await lockAssessment(page);
  await submitSignedReport(page, { sentOn: '10/01/2027', docNumber: '12/BC-SNV', docDate: '08/01/2027', fileName: 'bao-cao-ky-so.pdf' });
  const steps = lifecycleSteps(page);

  // --- Import the first round: two requests, one survey point. The answer to the screen's first
  // read (no appraisal yet) reaches the page only after the import has answered: CI once saw that
  // older answer replace the imported round.
  let releaseFirstRead: () => void = () => undefined;
  const firstReadHeld = new Promise<void>((resolve) => (releaseFirstRead = resolve));
  await page.route(
    '**/api/appraisal:get',
    async (route) => {
      const answeredBeforeImport = await route.fetch();
      await firstReadHeld;
      await route.fulfill({ response: answeredBeforeImport });
    },
    { times: 1 },
  );
  await steps.getByRole('button', { name: 'Kết quả thẩm định' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả thẩm định năm 2026' })).toBeVisible();
  const fileInput = page.getByLabel(/^Nhập kết quả thẩm định/);
  await fileInput.setInputFiles({ name: 'tham-dinh-vong-1.json', mimeType: 'application/json', buffer: firstRound });
  await expect(page.getByText('Đã nhập vòng thẩm định 1.')).toBeVisible();
  await expect(page.getByText('Còn 2/2 đề nghị chưa trả lời')).toBeVisible();
  const firstReadAnswered = page.waitForResponse('**/api/appraisal:get');
  releaseFirstRead();
  await firstReadAnswered;
  await page.waitForTimeout(300); // the page reads the held answer and draws (the old screen put "no appraisal" back here)
  expect(await page.getByText('Chưa có kết quả thẩm định.', { exact: false }).count()).toBe(0);
  await expect(page.getByText('Còn 2/2 đề nghị chưa trả lời')).toBeVisible();
  await expect(page.getByText(/Còn 9 tiêu chí điều tra xã hội học chưa có điểm/)).toBeVisible();
  const row111 = page.locator('tr[data-code="1.1.1"]');
  await expect(row111).toHaveClass(/appraisal-row--differs/);
  await expect(row111).toContainText('Đề nghị giải trình');

  // --- Filters.
  await page.getByLabel('Chỉ có đề nghị').check();
  await expect(page.locator('tr.appraisal-row')).toHaveCount(2);
  await page.getByLabel('Chỉ có đề nghị').uncheck();
  await page.getByLabel('Chỉ chỗ khác nhau').check();
  await expect(page.locator('tr[data-code="8.1.1"]')).toBeVisible();
  await expect(page.locator('tr[data-code="1.4.2"]')).toHaveCount(0);
  await page.getByLabel('Chỉ chỗ khác nhau').uncheck();

  // --- Answer 1.1.1 with an explanation.
  await row111.getByRole('button', { name: 'Trả lời 1.1.1' }).click();
  await page.getByLabel('Giải trình cho tiêu chí 1.1.1').fill(ANSWER_111);
  await page.getByRole('button', { name: 'Lưu giải trình' }).click();
  await expect(page.getByText('Còn 1/2 đề nghị chưa trả lời')).toBeVisible();
  await row111.getByRole('button', { name: 'Trả lời 1.1.1' }).click();

  // --- Answer 1.4.2 with a new document and its file.
  await page.locator('tr[data-code="1.4.2"]').getByRole('button', { name: 'Trả lời 1.4.2' }).click();
  const answer = page.getByRole('group', { name: 'Trả lời' });
  await expectAccessible(page);
  await answer.getByLabel('Số, ký hiệu').fill('45/BC-SNV');
  await answer.getByLabel('Trích yếu').fill('Báo cáo tin, bài tuyên truyền CCHC');
  await answer.getByLabel('Tệp tài liệu').setInputFiles({ name: 'tin-bai.pdf', mimeType: 'application/pdf', buffer: makePdf('tin bai') });
  await answer.getByRole('button', { name: 'Thêm tài liệu' }).click();
  await expect(answer.getByText('tin-bai.pdf')).toBeVisible();
  await expect(page.getByText('Đã trả lời đủ 2 đề nghị')).toBeVisible();

  // --- The response report: downloaded, a .docx holding each request and its answer.
  const response = page.getByRole('form', { name: /Báo cáo giải trình, bổ sung tài liệu kiểm chứng/ });
  await response.getByLabel('Số văn bản').fill('15');
  await response.getByLabel('Ngày văn bản').fill('03/02/2027');
  await response.getByRole('button', { name: 'Xuất báo cáo giải trình' }).click();
  const responseDocx = await downloadFrom(page, response.getByRole('link', { name: /bao-cao-giai-trinh-2026-snv\.docx/ }));
  expect(responseDocx.name).toMatch(/\.docx$/);
  const responseText = docxText(responseDocx.bytes);
  for (const expected of [REQUEST_111, ANSWER_111, REQUEST_142, '45/BC-SNV', 'tin-bai.pdf']) expect(responseText).toContain(expected);

  // --- The response package: created, downloaded, and checked by `par verify`.
  await response.getByRole('button', { name: 'Xuất gói giải trình' }).click();
  await expect(response.getByText('Đã tạo gói giải trình vòng 1: 2 đề nghị, 1 tệp tài liệu kèm theo. Gói kiểm tra được bằng lệnh par verify.')).toBeVisible();
  const packageLink = response.getByRole('link', { name: /goi-giai-trinh-cchc-2026-snv-vong-1\.zip/ });
  const [download] = await Promise.all([page.waitForEvent('download'), packageLink.click()]);
  expect(download.suggestedFilename()).toBe('goi-giai-trinh-cchc-2026-snv-vong-1.zip');
  const responsePackage = { name: download.suggestedFilename(), mimeType: 'application/zip', buffer: fs.readFileSync(await download.path()) };
  const verified = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), 'verify', await download.path()], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  expect(verified.stderr).toBe('');
  expect(verified.status).toBe(0);
  expect(verified.stdout).toContain('Loại gói: gói giải trình cho vòng thẩm định 1 (2 đề nghị).');
  expect(verified.stdout).toContain('KẾT QUẢ: HỢP LỆ — gói giải trình vòng 1');

  // --- The second round: appraised again, answers closed to this round's requests.
  await fileInput.setInputFiles({ name: 'tham-dinh-vong-2.json', mimeType: 'application/json', buffer: secondRound });
  await expect(page.getByText('Đã nhập vòng thẩm định 2.')).toBeVisible();
  await expect(page.getByText(/^Vòng 2: tệp tham-dinh-vong-2\.json/)).toBeVisible();

  // --- Two rounds asked something: "Vòng thẩm định" chooses the round of the response (newest by default).
  const roundChoice = response.getByLabel('Vòng thẩm định');
  await expect(roundChoice).toHaveValue('2');
  await response.getByRole('button', { name: 'Xuất gói giải trình' }).click();
  await expect(response.getByText('Đã tạo gói giải trình vòng 2: 1 đề nghị, 0 tệp tài liệu kèm theo.', { exact: false })).toBeVisible();
  await roundChoice.selectOption({ label: 'Vòng 1' });
  await response.getByRole('button', { name: 'Xuất gói giải trình' }).click();
  await expect(response.getByText('Đã tạo gói giải trình vòng 1: 2 đề nghị, 1 tệp tài liệu kèm theo.', { exact: false })).toBeVisible();
  await expect(response.getByRole('link', { name: /goi-giai-trinh-cchc-2026-snv-vong-1\.zip/ })).toBeVisible();

  // --- The final report with self and appraised columns side by side.
  const finalReport = page.getByRole('region', { name: 'Báo cáo kết quả cuối năm (tự đánh giá và thẩm định)' });
  await finalReport.getByRole('button', { name: 'Xuất báo cáo cuối năm (tự đánh giá và thẩm định)' }).click();
  const finalDocx = await downloadFrom(page, finalReport.getByRole('link', { name: /bao-cao-cuoi-nam-tu-danh-gia-va-tham-dinh-cchc-2026/ }));
  const finalText = docxText(finalDocx.bytes);
  for (const expected of ['Điểm tự đánh giá', 'Điểm thẩm định', 'Chênh lệch']) expect(finalText).toContain(expected);

  // --- Close with the published rank and class.
  await page.getByRole('button', { name: 'Quay lại kỳ đánh giá' }).click();
  await expect(steps.locator('[aria-current="step"]')).toContainText('Đã thẩm định');
  const close = steps.getByRole('form', { name: 'Kết quả công bố' });
  await close.getByLabel('Điểm cuối cùng').fill('85,5');
  await close.getByLabel('Chỉ số (%)').fill('85,5');
  await close.getByLabel('Xếp loại').fill('Tốt');
  await close.getByLabel('Thứ hạng', { exact: true }).fill('4');
  await close.getByLabel('Trên tổng số (không bắt buộc)').fill('21');
  await close.getByLabel('Ngày công bố (không bắt buộc)').fill('01/03/2027');
  await close.getByRole('button', { name: 'Lưu kết quả công bố' }).click();
  await expect(steps.locator('[aria-current="step"]')).toContainText('Đã có kết quả');
  await expect(steps).toContainText('Kết quả: 85,5 điểm, chỉ số 85,5%, xếp loại Tốt, hạng 4/21.');

  // --- The whole assessment's history tells the status changes in words, with the unlock's reason.
  await page.getByRole('button', { name: 'Lịch sử thay đổi' }).click();
  await expect(page.getByRole('heading', { name: 'Lịch sử thay đổi của kỳ đánh giá năm 2026' })).toBeVisible();
  await page.getByLabel('Loại thay đổi').selectOption({ label: 'Trạng thái' });
  await page.getByRole('button', { name: 'Lọc' }).click();
  const history = page.locator('.history-table tbody tr');
  await expect(history).toHaveCount(7); // lock, unlock, lock, submit, two rounds, close
  await expect(history.nth(0)).toContainText('Trạng thái: Đã thẩm định → Đã có kết quả công bố');
  await expect(history.nth(0)).toContainText('Kết quả công bố: 85,5 điểm, chỉ số 85,5%, xếp loại Tốt, hạng 4/21, công bố ngày 01/03/2027');
  await expect(history.nth(1)).toContainText('Vòng thẩm định 2, tệp “tham-dinh-vong-2.json”');
  await expect(history.nth(3)).toContainText('Trạng thái: Đã khóa → Đã nộp');
  await expect(history.nth(3)).toContainText('Đã gửi ngày 10/01/2027, văn bản số 12/BC-SNV ngày 08/01/2027; báo cáo đã ký: “bao-cao-ky-so.pdf”');
  await expect(history.nth(5)).toContainText('Trạng thái: Đã khóa → Đang soạn');
  await expect(history.nth(5)).toContainText(UNLOCK_REASON);
  await page.getByLabel('Loại thay đổi').selectOption({ label: 'Tất cả' });
  await page.getByLabel('Mã tiêu chí').fill('1.1.1');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(history.first()).toContainText(`Giải trình theo đề nghị thẩm định vòng 1: (trống) → “${ANSWER_111}”`);
  await page.getByRole('button', { name: 'Quay lại kỳ đánh giá' }).click();

  // --- Next year from this year: the mapping, one correction, create.
  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
  await expect(page.getByRole('row', { name: /2026/ })).toContainText('Đã có kết quả');

  // --- "Nhập gói" recognises the response package downloaded above: already here, nothing changes, no undo; it opens the assessment.
  const tools = page.getByRole('region', { name: 'Kiểm tra hoặc nhập gói hồ sơ' });
  await tools.getByLabel('Chọn gói hồ sơ (.zip)').setInputFiles(responsePackage);
  await tools.getByRole('button', { name: 'Nhập gói' }).click();
  await expect(tools.getByRole('status').filter({ hasText: 'Gói giải trình vòng 1 đã được nhập trước đây; dữ liệu không thay đổi.' })).toBeVisible();
  await expect(tools.getByRole('button', { name: 'Hoàn tác lần nhập' })).toHaveCount(0);
  await tools.getByRole('button', { name: 'Mở kỳ đánh giá vừa nhập' }).click();
  await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();
  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
  await page.getByRole('button', { name: 'Tạo kỳ đánh giá năm sau từ năm 2026' }).click();
  await page.getByLabel('Bộ chỉ số năm mới').selectOption(summary.hash);
  const mapping = page.getByRole('region', { name: 'Ghép tiêu chí năm 2026 với bộ chỉ số mới' });
  await expect(mapping.getByRole('status')).toContainText('1 thay đổi');
  await mapping.getByLabel(`Ghép tiêu chí ${cutCode} năm trước với`).selectOption({ label: 'Không có tiêu chí tương ứng' });
  await expect(mapping.getByRole('status')).toContainText('1 mới, 1 bỏ');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tạo kỳ đánh giá năm sau', exact: true }).click();
  await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();

  // --- The suggestions on a leaf: accept last year's document, marked as outside the assessed year.
  await treeItem(page, docCode).click();
  const suggestions = page.getByRole('region', { name: 'Gợi ý từ năm 2026' });
  await expect(suggestions).toBeVisible();
  await suggestions.getByRole('button', { name: `Dùng gợi ý: Tài liệu năm 2026 (tiêu chí ${docCode})` }).click();
  const evidence = page.getByRole('region', { name: 'Tài liệu kiểm chứng' });
  await expect(evidence.getByText('Ngoài năm đánh giá')).toBeVisible();
  await expect(evidence).toContainText('01/KH-SNV');
  await expectAccessible(page);

  // --- A third year, then "So sánh các năm" and its export.
  const sampleHash = ((await callThroughApi(page, 'assessments:list', { agencyId })) as { assessments: { year: number; setHash: string }[] }).assessments.find((a) => a.year === 2026)!.setHash;
  await callThroughApi(page, 'assessments:create', { agencyId, year: 2025, setHash: sampleHash, confirmYearMismatch: true });
  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
  await page.getByRole('button', { name: 'So sánh các năm' }).click();
  const table = page.getByRole('table', { name: 'So sánh các năm' });
  await expect(table.getByRole('rowheader')).toHaveText(['2025', '2026', '2027']);
  await expect(table.getByRole('row', { name: /^2026/ })).toContainText('Tốt');
  await expect(page.getByRole('img', { name: 'Biểu đồ điểm theo lĩnh vực qua các năm' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tiêu chí bị giảm điểm' })).toBeVisible();
  await page.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click();
  await expect(page.getByRole('link', { name: /so-sanh-cac-nam-\d+\.xlsx/ })).toBeVisible();
  await expectAccessible(page);
});
