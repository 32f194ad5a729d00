/** Honest input states of a leaf: rate errors name the leaf's own fields, the decimal hint only
 *  where a decimal is possible, and a refused value keeps the save badge off "Đã lưu". */
import { describe, expect, it } from 'vitest';
import { vi, type MessageKey } from '../../../renderer/i18n/vi';
import { AnswerSaver } from '../../../renderer/features/workspace/answer-saver';
import { decimalExampleMilli, draftFromAnswer, parseDraft, ratePercentText, typedText } from '../../../renderer/features/workspace/leaf-draft';
import type { CriteriaNode } from '../../../shared/domain/criteria-set-schema';

const t = (key: MessageKey, params: Record<string, string | number> = {}) => vi[key].replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w));
const rateLeaf: CriteriaNode = {
  code: '2.2.1',
  title: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  maxPoints: 2,
  rule: { kind: 'rate', numeratorLabel: 'Số hồ sơ giải quyết đúng hạn', denominatorLabel: 'Tổng số hồ sơ đã giải quyết', mode: 'proportional', noCases: 'full' },
} as CriteriaNode;

describe('leaf inputs', () => {
  it('names the rate fields by their own labels when the first count is above the second', () => {
    const draft = { ...draftFromAnswer(undefined), numerator: '9', denominator: '8' };
    const parsed = parseDraft(rateLeaf, draft, t);
    expect(parsed.input).toBeUndefined();
    expect(parsed.errors.numerator).toBe('“Số hồ sơ giải quyết đúng hạn” không được lớn hơn “Tổng số hồ sơ đã giải quyết” (8).');
    expect(parsed.errors.numerator).not.toMatch(/thứ nhất|thứ hai/);
    expect(typedText(rateLeaf, draft)).toBe('9 / 8');
  });

  it('rounds the rate percent like the points', () => {
    expect(ratePercentText((5 / 7) * 100, { decimals: 2, mode: 'half-up' })).toBe('71,43');
    expect(ratePercentText(87.5, { decimals: 2, mode: 'half-up' })).toBe('87,5');
    expect(ratePercentText((5 / 7) * 100, { decimals: 1, mode: 'down' })).toBe('71,4');
  });

  it('offers a decimal example only where the maximum and the step allow one', () => {
    expect(decimalExampleMilli(2000, 250)).toBe(1750); // 0–2 in steps of 0,25: "1,75", never "8,5"
    expect(decimalExampleMilli(10_000, 500)).toBe(9500);
    expect(decimalExampleMilli(2000, 1000)).toBeNull(); // whole points only: no decimal hint
    expect(decimalExampleMilli(1000, 1000)).toBeNull();
  });

  it('keeps the save badge off "saved" while a refused value is on screen', () => {
    const saver = new AnswerSaver(1, [{ code: '1.1', input: { kind: 'manual', points: 1.75 }, notApplicable: false, explanation: '', result: { state: 'answered', pointsMilli: 1750 }, updatedAt: '2026-01-05T08:00:00.000Z' }], async () => {
      throw new Error('nothing is sent');
    }, () => {});
    expect(saver.getStatus().kind).toBe('saved');
    saver.setRejected('1.1', '2,1');
    expect(saver.getStatus()).toEqual({ kind: 'unsaved', codes: ['1.1'] });
    expect(saver.rejectedText('1.1')).toBe('2,1');
    expect(saver.stored('1.1')?.input).toEqual({ kind: 'manual', points: 1.75 });
    saver.setRejected('1.1', null);
    expect(saver.getStatus().kind).toBe('saved');
  });
});
