/**
 * Steps and locators the Chromium end-to-end specs share: the sample department set, the criteria
 * tree, the score summary, the evidence section, and the quick start an officer takes on a fresh
 * install (agency details, then an assessment of the sample set for 2026).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AnswerInput } from '../../shared/domain/answer';
import { criteriaSetSchema, type CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { repoRoot } from '../helpers/web-server-process';
import { expect } from './fixtures';

export const sampleSet: CriteriaSet = criteriaSetSchema.parse(
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'seeds', 'sample-department-2026.json'), 'utf8')),
);

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function treeItem(page: Page, code: string): Locator {
  return page.getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(code)} `) });
}

/** A figure of the score summary ("Tổng điểm", "Chỉ số (%)", "Cần giải trình", …). */
export function summaryStat(page: Page, label: string): Locator {
  return page
    .getByRole('region', { name: 'Tổng hợp điểm' })
    .locator('div.stat')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
    .locator('dd');
}

export const evidenceSection = (page: Page) => page.getByRole('region', { name: 'Tài liệu kiểm chứng' });

export interface AgencyEntry {
  name: string;
  shortName?: string;
  signerTitle: string;
  signerName: string;
}

export const DEPARTMENT: AgencyEntry = { name: 'SỞ NỘI VỤ', shortName: 'SNV', signerTitle: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn An' };

/** Fresh install → agency saved → assessment of the sample set for 2026 → the criteria tree. */
export async function quickStart(page: Page, url: string, agency: AgencyEntry = DEPARTMENT): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Tên cơ quan', { exact: true }).fill(agency.name);
  if (agency.shortName !== undefined) await page.getByLabel('Viết tắt').fill(agency.shortName);
  await page.getByRole('radio', { name: 'Sở, ban, ngành' }).check();
  await page.getByLabel('Địa danh ghi ngày tháng').fill('Đà Nẵng');
  await page.getByLabel('Chức vụ người ký').fill(agency.signerTitle);
  await page.getByLabel('Họ tên người ký').fill(agency.signerName);
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  await page.getByLabel('Năm đánh giá').fill('2026');
  await page.getByRole('radio', { name: new RegExp(escapeRegExp(sampleSet.title)) }).check();
  await page.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
  await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();
}

/** Saves answers through the same HTTP bridge and session token the page uses. */
export async function saveThroughApi(page: Page, list: [string, AnswerInput][]): Promise<void> {
  const failures = await page.evaluate(async (items) => {
    const token = sessionStorage.getItem('par.sessionToken') ?? '';
    const call = async (channel: string, input: unknown) => {
      const res = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PAR-Token': token }, body: JSON.stringify(input) });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    };
    const agencies = (await call('agencies:list', {})).value as { agencies: { id: number }[] };
    const list = (await call('assessments:list', { agencyId: agencies.agencies[0]!.id })).value as { assessments: { id: number }[] };
    const assessmentId = list.assessments[0]!.id;
    const failed: string[] = [];
    for (const [code, answer] of items) {
      const r = await call('answers:save', { assessmentId, code, answer });
      if (!r.ok) failed.push(`${code}: ${r.error?.message}`);
    }
    return failed;
  }, list);
  expect(failures).toEqual([]);
}
