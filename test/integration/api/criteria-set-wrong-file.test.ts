/** A wrong file at the criteria-set import: the first sentence says what kind of file it is and
 *  what was expected, and no English field name reaches the officer. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { repoRoot } from '../../helpers/web-server-process';

const sample = JSON.parse(fs.readFileSync(path.join(repoRoot, 'seeds', 'sample-commune-2026.json'), 'utf8')) as Record<string, unknown>;
let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

const importText = (fileName: string, value: unknown) => h.fail('criteriaSets:import', { fileName, text: typeof value === 'string' ? value : JSON.stringify(value), confirmNewVersion: false });

it('says first what kind of file it is and what was expected', async () => {
  const answers = await importText('diem.json', { format: 'par-answers/v1', answers: [] });
  expect(answers.message).toBe('“diem.json”: Tệp này là tệp điểm tự chấm (par-answers/v1), không phải bộ chỉ số; cần tệp bộ chỉ số (.json, định dạng par-criteria-set/v1) do Sở Nội vụ ban hành.');
  expect((await importText('ds.json', [1, 2])).message).toContain('Tệp này chứa một danh sách JSON, không phải bộ chỉ số');
  expect((await importText('x.json', '{"a":')).message).toContain('Tệp này không phải tệp JSON đọc được');
});

it('names the problems of a set in Vietnamese, without English field names', async () => {
  const { legalBasis: _dropped, ...rest } = sample;
  const broken = { ...rest, answers: [] };
  const error = await importText('bo-chi-so.json', broken);
  expect(error.message).toBe('“bo-chi-so.json”: Tệp này là bộ chỉ số nhưng có 2 lỗi cần sửa, liệt kê dưới đây.');
  const issues = error.issues!.map((i) => `${i.path}: ${i.message}`);
  expect(issues).toEqual(expect.arrayContaining(['Căn cứ pháp lý: Thiếu trường bắt buộc.', '“answers”: Trường “answers” không có trong định dạng bộ chỉ số.']));
  expect(issues.join(' ')).not.toMatch(/legalBasis|Khóa không được phép/);
});
