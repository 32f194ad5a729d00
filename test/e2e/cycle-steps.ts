/**
 * Steps of the assessment's life the Chromium specs share: lock, unlock with a reason, submit the
 * signed report, download an exported file and read a .docx's text, and the axe check of a screen.
 */
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { docxParts, xmlText } from '../helpers/docx-xml';
import { makePdf } from '../helpers/sample-documents';
import { expect } from './fixtures';

/** "Các bước của kỳ đánh giá", shown once the assessment is locked. */
export const lifecycleSteps = (page: Page): Locator => page.getByRole('region', { name: 'Các bước của kỳ đánh giá' });

export async function lockAssessment(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Khóa kỳ đánh giá' }).click();
  await page.getByRole('dialog', { name: 'Khóa kỳ đánh giá?' }).getByRole('button', { name: 'Khóa', exact: true }).click();
  await expect(lifecycleSteps(page)).toBeVisible();
}

/** "Mở khóa" from the read-only banner, with the reason the history keeps. */
export async function unlockAssessment(page: Page, reason: string): Promise<void> {
  await page.getByRole('region', { name: 'Kỳ đánh giá đã khóa — chỉ xem. Mở khóa để sửa.' }).getByRole('button', { name: 'Mở khóa' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mở khóa kỳ đánh giá?' });
  await dialog.getByLabel('Lý do mở khóa (được lưu trong lịch sử thay đổi)').fill(reason);
  await dialog.getByRole('button', { name: 'Mở khóa để sửa' }).click();
  await expect(page.getByRole('button', { name: 'Khóa kỳ đánh giá' })).toBeEnabled();
}

export interface Submission {
  sentOn: string;
  docNumber: string;
  docDate: string;
  fileName: string;
}

/** Fills "Nộp báo cáo đã ký" (dates typed dd/mm/yyyy, the signed PDF attached) and sends it. */
export async function submitSignedReport(page: Page, s: Submission): Promise<void> {
  const form = lifecycleSteps(page).getByRole('form', { name: 'Nộp báo cáo đã ký' });
  await form.getByLabel('Ngày gửi').fill(s.sentOn);
  await form.getByLabel('Số văn bản').fill(s.docNumber);
  await form.getByLabel('Ngày ký văn bản').fill(s.docDate);
  await form.getByLabel('Báo cáo đã ký (PDF hoặc ảnh quét)').setInputFiles({ name: s.fileName, mimeType: 'application/pdf', buffer: makePdf('bao cao da ky') });
  await form.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await expect(lifecycleSteps(page).locator('[aria-current="step"]')).toContainText('Đã nộp');
}

/** Clicks the link of a finished export and returns the file the browser saved. */
export async function downloadFrom(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

/** The text of a .docx's body (fails unless it is a zip holding word/document.xml). */
export function docxText(bytes: Buffer): string {
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  return xmlText(docxParts(bytes).document);
}

/** No serious or critical axe finding (WCAG 2.x A/AA) on the screen as it is. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}
