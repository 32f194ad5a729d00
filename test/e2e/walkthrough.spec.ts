/**
 * The PAR officer's first session, end to end in real Chromium against the real backend:
 * create the agency, create the 2026 assessment from the department sample set, score leaves of
 * every self-scored rule kind, see points and totals at once, refuse an invalid score, write an
 * explanation, mark an item N/A, then reload (and restart the backend) and find everything saved.
 *
 * The leaves are picked from seeds/sample-department-2026.json at test time (the first leaf of
 * each rule kind), so the test follows the sample when it changes.
 */
import type { Page } from '@playwright/test';
import type { AnswerInput } from '../../shared/domain/answer';
import type { CriteriaNode } from '../../shared/domain/criteria-set-schema';
import { walkSet } from '../../shared/domain/criteria-tree';
import { computeTotals, evaluateLeaf } from '../../shared/domain/scoring';
import { formatDecimalVi, formatPercentVi, formatPointsVi } from '../../shared/format/numbers';
import { expect, test } from './fixtures';
import { escapeRegExp, quickStart, sampleSet, summaryStat, treeItem } from './officer-steps';

const set = sampleSet;
const mainVisits = [...walkSet(set)].filter((v) => v.part === 'main');
const mainLeaves = mainVisits.filter((v) => v.isLeaf).map((v) => v.node);

/** The first main-scale leaf of a rule kind ('' for any kind) that also passes `extra`. */
function firstLeaf(kind: string, extra: (n: CriteriaNode) => boolean = () => true): CriteriaNode {
  const leaf = mainLeaves.find((n) => (kind === '' || n.rule?.kind === kind) && extra(n));
  if (!leaf) throw new Error(`the sample set has no suitable main leaf of kind "${kind}"`);
  return leaf;
}

// Prefer a manual leaf where "maximum − step" has decimals, so the decimal comma is exercised.
const manual = mainLeaves.find((n) => n.rule?.kind === 'manual' && !Number.isInteger(n.maxPoints - n.rule.step)) ?? firstLeaf('manual');
const yesNo = firstLeaf('yesNo');
const levels = firstLeaf('levels');
const rate = firstLeaf('rate', (n) => n.rule?.kind === 'rate' && n.rule.noCases !== 'notApplicable');
const deduction = firstLeaf('deduction');
const used = new Set([manual, yesNo, levels, rate, deduction].map((n) => n.code));
const notApplicable: CriteriaNode = firstLeaf('', (n) => Boolean(n.notApplicableAllowed) && !used.has(n.code) && n.rule?.kind !== 'survey');

if (manual.rule?.kind !== 'manual' || levels.rule?.kind !== 'levels' || rate.rule?.kind !== 'rate' || deduction.rule?.kind !== 'deduction') {
  throw new Error('unexpected rule kinds');
}
const manualStep = manual.rule.step;
const manualValue = manual.maxPoints - manualStep; // e.g. 0,75 of 1: typed with a decimal comma
const manualTyped = formatDecimalVi(manualValue);
const chosenLevel = levels.rule.levels.reduce((best, l) => (l.points > best.points ? l : best));
const rateRule = rate.rule;
const deductionRule = deduction.rule;

const answers = new Map<string, AnswerInput>([
  [manual.code, { input: { kind: 'manual', points: manualValue }, notApplicable: false, explanation: '' }],
  [yesNo.code, { input: { kind: 'yesNo', achieved: true }, notApplicable: false, explanation: '' }],
  [levels.code, { input: { kind: 'levels', levelId: chosenLevel.id }, notApplicable: false, explanation: '' }],
  [rate.code, { input: { kind: 'rate', numerator: 7, denominator: 8 }, notApplicable: false, explanation: '' }],
  [deduction.code, { input: { kind: 'deduction', occurrences: 1 }, notApplicable: false, explanation: '' }],
]);
const explanation = 'Đã ban hành kế hoạch tuyên truyền; minh chứng: Kế hoạch số 12/KH-SNV ngày 15/01/2026 (bản giấy lưu tại văn thư).';

const points = (leaf: CriteriaNode) => evaluateLeaf(set, leaf, answers.get(leaf.code)).pointsMilli ?? NaN;
const escape = escapeRegExp;

async function openItem(page: Page, leaf: CriteriaNode): Promise<void> {
  await treeItem(page, leaf.code).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${escape(leaf.code)} `) })).toBeVisible();
}

const stat = summaryStat;

async function expectTotals(page: Page, expected: Map<string, AnswerInput>): Promise<void> {
  const totals = computeTotals(set, expected);
  // The total is also checked against a sum made here, independently of computeTotals.
  const sum = [...expected].reduce((s, [code, a]) => {
    const leaf = mainLeaves.find((n) => n.code === code)!;
    return s + (evaluateLeaf(set, leaf, a).pointsMilli ?? 0);
  }, 0);
  expect(totals.totalMilli).toBe(sum);
  await expect(stat(page, 'Tổng điểm')).toHaveText(formatPointsVi(sum));
  await expect(stat(page, 'Điểm tối đa áp dụng')).toHaveText(formatPointsVi(totals.applicableMaxMilli));
  await expect(stat(page, 'Chỉ số (%)')).toHaveText(formatPercentVi(totals.percent));
  // The class is final only once every self-scored leaf is answered; N/A and survey leaves are counted apart.
  const classShown = totals.answeredCount === 0 ? '— (chưa chấm)' : totals.unansweredCount > 0 ? `${totals.className} (tạm tính)` : totals.className;
  await expect(stat(page, 'Xếp loại')).toHaveText(classShown);
  await expect(stat(page, 'Đã chấm')).toHaveText(`${totals.answeredCount}/${totals.answeredCount + totals.unansweredCount}`);
  await expect(stat(page, 'Chưa chấm')).toHaveText(String(totals.unansweredCount));
  await expect(stat(page, 'Cần giải trình')).toHaveText(String(totals.needsExplanationCount));
}

async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu lúc \d{2}:\d{2}$/ })).toBeVisible();
}

const max = (leaf: CriteriaNode) => formatDecimalVi(leaf.maxPoints);

test('a PAR officer scores the sample set and finds everything after a reload', async ({ page, app }) => {
  test.slow(); // a long walk (two reloads and a backend restart); over a minute on a loaded 2-core machine
  await page.goto(app.url);

  // --- First run: the agency profile, with a message beside an empty required field.
  await expect(page.getByRole('heading', { level: 1, name: /khai báo cơ quan/ })).toBeVisible();
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await page.getByLabel('Cơ quan chủ quản (cấp trên)').fill('ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG');
  await page.getByLabel('Tên cơ quan', { exact: true }).fill('SỞ NỘI VỤ');
  await page.getByLabel('Viết tắt').fill('SNV');
  await page.getByRole('radio', { name: 'Sở, ban, ngành' }).check();
  await page.getByLabel('Thẩm quyền ký').fill('KT. GIÁM ĐỐC');
  await page.getByLabel('Chức vụ người ký').fill('PHÓ GIÁM ĐỐC');
  await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn An');
  await page.getByLabel('Cán bộ CCHC').fill('Trần Thị Bình');
  await page.getByLabel('Liên hệ').fill('0236 3822 000');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  const place = page.getByLabel('Địa danh ghi ngày tháng');
  await expect(place).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Không được để trống.' })).toBeVisible();
  await place.fill('Đà Nẵng');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();

  // --- Assessments: create 2026 from the department sample set (marked as a sample).
  await expect(page.getByRole('heading', { name: 'Các kỳ tự đánh giá' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Cơ quan' })).toHaveValue(/\d+/);
  await page.getByLabel('Năm đánh giá').fill('2026');
  const sampleChoice = page.getByRole('radio', { name: new RegExp(escape(set.title)) });
  await sampleChoice.check();
  await expect(page.locator('.set-choice', { has: sampleChoice }).getByText('Bộ chỉ số mẫu', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();

  // --- Workspace.
  await expect(page.getByRole('heading', { level: 1, name: /Tự đánh giá năm 2026/ })).toBeVisible();
  await expect(page.getByText('Bộ chỉ số mẫu', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();
  await expectTotals(page, new Map());

  // Keyboard: the tree moves with ArrowDown / ArrowUp / Home, selection follows focus.
  const visits = [...walkSet(set)];
  const levelsIndex = visits.findIndex((v) => v.node.code === levels.code);
  const afterLevels = visits[levelsIndex + 1]!.node;
  await openItem(page, levels);
  await expect(treeItem(page, levels.code)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(treeItem(page, afterLevels.code)).toBeFocused();
  await expect(treeItem(page, afterLevels.code)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${escape(afterLevels.code)} `) })).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(treeItem(page, levels.code)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(treeItem(page, set.fields[0]!.code)).toBeFocused();
  await expect(treeItem(page, set.fields[0]!.code)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(treeItem(page, set.fields[0]!.code)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(treeItem(page, set.fields[0]!.code)).toHaveAttribute('aria-expanded', 'true');

  // "Đến mục chưa chấm tiếp theo" goes to the first unanswered leaf.
  const firstUnanswered = computeTotals(set, new Map()).unansweredCodes[0]!;
  await page.getByRole('button', { name: 'Đến mục chưa chấm tiếp theo' }).click();
  await expect(treeItem(page, firstUnanswered)).toHaveAttribute('aria-selected', 'true');
  await expect(treeItem(page, firstUnanswered)).toBeFocused();
  // Enter on a leaf goes to its first input.
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail-pane').locator('input:not([disabled]), textarea').first()).toBeFocused();

  // levels: choose the best level.
  await openItem(page, levels);
  await page.getByRole('radio', { name: new RegExp(`^${escape(chosenLevel.label)}`) }).check();
  await expect(page.getByText(`Điểm: ${formatPointsVi(points(levels))} / ${max(levels)}`)).toBeVisible();
  await expectTotals(page, new Map([...answers].filter(([c]) => c === levels.code)));

  // rate: two counts, the rate at once.
  await openItem(page, rate);
  await page.getByLabel(rateRule.numeratorLabel, { exact: true }).fill('7');
  await page.getByLabel(rateRule.denominatorLabel, { exact: true }).fill('8');
  await expect(page.getByText('Tỷ lệ: 87,5 %')).toBeVisible();
  await expect(page.getByText(`Điểm: ${formatPointsVi(points(rate))} / ${max(rate)}`)).toBeVisible();
  // A numerator above the denominator is refused beside the field.
  await page.getByLabel(rateRule.numeratorLabel, { exact: true }).fill('9');
  await expect(page.getByRole('alert').filter({ hasText: 'không được lớn hơn' })).toBeVisible();
  await page.getByLabel(rateRule.numeratorLabel, { exact: true }).fill('7');
  await expect(page.getByText('Tỷ lệ: 87,5 %')).toBeVisible();

  // deduction: one occurrence.
  await openItem(page, deduction);
  await page.getByLabel(deductionRule.occurrenceLabel, { exact: true }).fill('1');
  await expect(page.getByText(`Điểm: ${formatPointsVi(points(deduction))} / ${max(deduction)}`)).toBeVisible();
  // A negative count is refused.
  await page.getByLabel(deductionRule.occurrenceLabel, { exact: true }).fill('-1');
  await expect(page.getByRole('alert').filter({ hasText: 'Không được là số âm.' })).toBeVisible();
  await page.getByLabel(deductionRule.occurrenceLabel, { exact: true }).fill('1');

  // yesNo: Đạt.
  await openItem(page, yesNo);
  await page.getByRole('radio', { name: 'Đạt', exact: true }).check();
  await expect(page.getByText(`Điểm: ${max(yesNo)} / ${max(yesNo)}`)).toBeVisible();

  // manual: a decimal comma.
  await openItem(page, manual);
  const score = page.getByLabel('Điểm tự chấm');
  await score.fill(manualTyped);
  await expect(page.getByText(`Điểm: ${manualTyped} / ${max(manual)}`)).toBeVisible();
  await score.blur();
  await expectTotals(page, answers);
  await expectSaved(page);

  // An invalid score (above the maximum) shows a message and is not saved.
  const tooHigh = formatDecimalVi(manual.maxPoints + manualStep);
  await score.fill(tooHigh);
  await expect(score).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: `Điểm không được lớn hơn điểm tối đa ${max(manual)}.` })).toBeVisible();
  // The stored score is shown as stored, the typed one as not saved, and the badge is not "Đã lưu".
  await expect(page.getByText(`Điểm đã lưu: ${manualTyped} / ${max(manual)}`)).toBeVisible();
  await expect(page.getByText(`Giá trị vừa gõ “${tooHigh}” chưa được lưu; điểm đã lưu vẫn là ${manualTyped}.`)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Có giá trị chưa lưu (không hợp lệ) ở mục ${manual.code}` })).toBeVisible();
  await score.blur();
  await expectTotals(page, answers);
  // Back to a valid value (the dot is accepted too), then the explanation.
  await score.fill(manualTyped.replace(',', '.'));
  await expect(score).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Giải trình').fill(explanation);
  await page.getByLabel('Giải trình').blur();
  answers.set(manual.code, { ...answers.get(manual.code)!, explanation });
  await expectTotals(page, answers);

  // N/A: the item leaves the applicable maximum.
  await openItem(page, notApplicable);
  await page.getByRole('checkbox', { name: 'Không áp dụng' }).check();
  await expect(page.getByText(/^Điểm: không áp dụng/)).toBeVisible();
  answers.set(notApplicable.code, { input: null, notApplicable: true, explanation: '' });
  await expectTotals(page, answers);
  await expectSaved(page);

  // The tree shows marks with text, not colour alone.
  await expect(treeItem(page, manual.code)).toContainText('Đã chấm');
  await expect(treeItem(page, notApplicable.code)).toContainText('Không áp dụng');
  await expect(treeItem(page, yesNo.code)).toContainText('Cần tài liệu hoặc giải trình');
  await page.screenshot({ path: test.info().outputPath('workspace.png'), fullPage: false });

  // --- Reload: the same assessment opens, everything is as saved.
  await page.reload();
  await expectEverythingSaved(page);

  // --- Close and reopen the app (backend restart on the same data folder).
  await page.goto(await app.restart());
  await expectEverythingSaved(page);
});

async function expectEverythingSaved(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: /Tự đánh giá năm 2026/ })).toBeVisible();
  await expectTotals(page, answers);
  await expectSaved(page);

  await openItem(page, manual);
  await expect(page.getByLabel('Điểm tự chấm')).toHaveValue(manualTyped);
  await expect(page.getByLabel('Giải trình')).toHaveValue(explanation);
  await openItem(page, yesNo);
  await expect(page.getByRole('radio', { name: 'Đạt', exact: true })).toBeChecked();
  await openItem(page, levels);
  await expect(page.getByRole('radio', { name: new RegExp(`^${escape(chosenLevel.label)}`) })).toBeChecked();
  await openItem(page, rate);
  await expect(page.getByLabel(rateRule.numeratorLabel, { exact: true })).toHaveValue('7');
  await expect(page.getByLabel(rateRule.denominatorLabel, { exact: true })).toHaveValue('8');
  await expect(page.getByText('Tỷ lệ: 87,5 %')).toBeVisible();
  await openItem(page, deduction);
  await expect(page.getByLabel(deductionRule.occurrenceLabel, { exact: true })).toHaveValue('1');
  await expect(page.getByText(`Điểm: ${formatPointsVi(points(deduction))} / ${max(deduction)}`)).toBeVisible();
  expect(deductionRule.perOccurrence).toBeGreaterThan(0);
  await openItem(page, notApplicable);
  await expect(page.getByRole('checkbox', { name: 'Không áp dụng' })).toBeChecked();
}

const commune = { name: 'ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU', shortName: 'UBND', signerTitle: 'CHỦ TỊCH', signerName: 'Phạm Thị Dung' };

test('text typed just before the page closes is flushed and kept', async ({ page, app }) => {
  await quickStart(page, app.url, commune);
  await openItem(page, manual);
  await page.getByLabel('Điểm tự chấm').fill(manualTyped);
  await page.getByLabel('Giải trình').fill('Giải trình gõ ngay trước khi tải lại trang.');
  // No blur and no wait for the debounce: beforeunload/pagehide must send the pending save.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${escape(manual.code)} `) })).toBeVisible();
  await expect(page.getByLabel('Điểm tự chấm')).toHaveValue(manualTyped);
  await expect(page.getByLabel('Giải trình')).toHaveValue('Giải trình gõ ngay trước khi tải lại trang.');
  await expectSaved(page);
});
