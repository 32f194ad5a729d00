import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/domain/canonical-json';
import type { CriteriaSet } from '../../../../shared/domain/criteria-set-schema';
import {
  addChild,
  addField,
  addSiblingAfter,
  blankDraft,
  checkDraft,
  criteriaDraftSchema,
  draftFromSet,
  draftSums,
  indentNode,
  moveNode,
  outdentNode,
  removeNode,
  setKeepCodes,
  updateNode,
  type CriteriaDraft,
  type DraftNode,
} from '../../../../shared/domain/criteria-draft';

const sample = (name: string): CriteriaSet => JSON.parse(fs.readFileSync(`seeds/${name}`, 'utf8')) as CriteriaSet;
const codes = (nodes: DraftNode[]): string[] => nodes.flatMap((node) => [node.code, ...codes(node.children)]);
const titled = (draft: CriteriaDraft, key: string, title: string, maxPoints: string): CriteriaDraft =>
  updateNode(draft, key, (node) => ({ ...node, title, maxPoints, rule: { ...node.rule, kind: 'yesNo' } }));

describe('criteria draft: to and from a criteria set', () => {
  for (const name of ['sample-commune-2026.json', 'sample-department-2026.json']) {
    it(`${name}: copied into a draft and back gives the same set (same canonical JSON, so the same hash)`, () => {
      const set = sample(name);
      const draft = draftFromSet(set);
      expect(criteriaDraftSchema.safeParse(JSON.parse(JSON.stringify(draft))).success).toBe(true);
      const checked = checkDraft(draft);
      expect(checked.ok).toBe(true);
      if (checked.ok) expect(canonicalJson(checked.set)).toBe(canonicalJson(set));
    });
  }

  it('a blank draft lists what is missing beside its fields, in the validator words', () => {
    const draft = blankDraft(2026);
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    const field = draft.fields[0]!;
    expect(checked.issues).toContainEqual(expect.objectContaining({ nodeKey: null, field: 'title', path: 'title' }));
    expect(checked.issues).toContainEqual(expect.objectContaining({ nodeKey: field.key, field: 'maxPoints', message: 'Chưa nhập số' }));
  });
});

describe('criteria draft: tree edits and codes', () => {
  it('adds, indents, outdents, moves and removes, renumbering by position', () => {
    let draft = blankDraft(2026);
    const first = draft.fields[0]!.key;
    const a = addChild(draft, first);
    const b = addSiblingAfter(a.draft, a.key);
    const c = addSiblingAfter(b.draft, b.key);
    draft = c.draft;
    expect(codes(draft.fields)).toEqual(['1', '1.1', '1.2', '1.3']);
    draft = indentNode(draft, c.key);
    expect(codes(draft.fields)).toEqual(['1', '1.1', '1.2', '1.2.1']);
    draft = outdentNode(draft, c.key);
    draft = moveNode(draft, c.key, -1);
    expect(draft.fields[0]!.children.map((n) => n.key)).toEqual([a.key, c.key, b.key]);
    expect(codes(draft.fields)).toEqual(['1', '1.1', '1.2', '1.3']);
    expect(moveNode(draft, a.key, -1)).toBe(draft);
    draft = removeNode(draft, a.key);
    expect(codes(draft.fields)).toEqual(['1', '1.1', '1.2']);
    draft = addField(draft).draft;
    expect(codes(draft.fields)).toEqual(['1', '1.1', '1.2', '2']);
  });

  it('refuses to indent below the fourth level, and leaves untouched nodes as they were', () => {
    let draft = blankDraft(2026);
    let key = draft.fields[0]!.key;
    for (let level = 2; level <= 4; level++) ({ draft, key } = addChild(draft, key));
    const sibling = addSiblingAfter(draft, key);
    expect(indentNode(sibling.draft, sibling.key)).toBe(sibling.draft);
    expect(addChild(sibling.draft, sibling.key).draft).toBe(sibling.draft);
    const other = addField(sibling.draft);
    const edited = updateNode(other.draft, other.key, (node) => ({ ...node, title: 'Mới' }));
    expect(edited.fields[0]).toBe(other.draft.fields[0]);
  });

  it("keeps the province's own codes when asked, and the validator checks them beside the code", () => {
    let draft = blankDraft(2026);
    const child = addChild(draft, draft.fields[0]!.key);
    draft = setKeepCodes(child.draft, true);
    draft = { ...draft, meta: { ...draft.meta, title: 'Bộ chỉ số thử', issuer: 'UBND tỉnh', totalMaxPoints: '10' } };
    draft = updateNode(titled(draft, child.key, 'Kế hoạch', '10'), child.key, (node) => ({ ...node, code: '2.1' }));
    draft = titled(draft, draft.fields[0]!.key, 'Chỉ đạo', '10');
    expect(codes(draft.fields)).toEqual(['1', '2.1']);
    const issues = checkDraft(draft).issues.filter((issue) => issue.field === 'code');
    expect(issues).toContainEqual(expect.objectContaining({ nodeKey: child.key, message: 'Mã "2.1" phải có dạng "1.<số>" vì nằm trong mục 1.' }));
    expect(codes(setKeepCodes(draft, false).fields)).toEqual(['1', '1.1']);
  });
});

function smallDraft(): { draft: CriteriaDraft; field: string; a: string; b: string } {
  let draft = blankDraft(2026);
  draft = { ...draft, meta: { ...draft.meta, title: 'Bộ chỉ số thử', issuer: 'UBND tỉnh', totalMaxPoints: '10' } };
  const field = draft.fields[0]!.key;
  draft = titled(draft, field, 'Công tác chỉ đạo', '10');
  const a = addChild(draft, field);
  const b = addSiblingAfter(titled(a.draft, a.key, 'Kế hoạch', '4'), a.key);
  draft = titled(b.draft, b.key, 'Báo cáo', '5');
  return { draft, field, a: a.key, b: b.key };
}

describe('criteria draft: sums, numbers, preview', () => {
  it('a sum error appears beside the group maximum and disappears once the children add up', () => {
    const { draft, field, b } = smallDraft();
    expect(draftSums(draft).get(field)).toEqual({ sumMilli: 9000, maxMilli: 10000 });
    const wrong = checkDraft(draft);
    expect(wrong.issues.map((issue) => [issue.nodeKey, issue.field])).toEqual([[field, 'maxPoints']]);
    expect(wrong.issues[0]!.message).toContain('9');
    const fixed = updateNode(draft, b, (node) => ({ ...node, maxPoints: '6' }));
    expect(checkDraft(fixed)).toMatchObject({ ok: true, issues: [] });
    expect(draftSums(fixed).get('total')).toEqual({ sumMilli: 10000, maxMilli: 10000 });
  });

  it('reads numbers the Vietnamese way and reports an unreadable one once, with the app parser words', () => {
    const { draft, b } = smallDraft();
    const decimal = updateNode(draft, b, (node) => ({ ...node, maxPoints: '6,0' }));
    expect(checkDraft(decimal).ok).toBe(true);
    const bad = updateNode(draft, b, (node) => ({ ...node, maxPoints: '1.000,5' }));
    const issues = checkDraft(bad).issues.filter((issue) => issue.nodeKey === b);
    expect(issues).toEqual([expect.objectContaining({ field: 'maxPoints', message: expect.stringContaining('Không dùng dấu phân cách hàng nghìn') })]);
  });

  it('every rule kind converts to the format, with the exactly-100% tier', () => {
    const { draft, a, b } = smallDraft();
    const rate = updateNode(draft, b, (node) => ({
      ...node,
      maxPoints: '6',
      rule: {
        ...node.rule,
        kind: 'rate',
        numeratorLabel: 'Số hồ sơ đúng hạn',
        denominatorLabel: 'Tổng số hồ sơ',
        mode: 'thresholds',
        noCases: 'notApplicable',
        tiers: [
          { fromPercent: '0', toPercent: '80', points: '0' },
          { fromPercent: '80', toPercent: '100', points: '3' },
          { fromPercent: '100', toPercent: '100', points: '6' },
        ],
      },
    }));
    const checked = checkDraft(rate);
    expect(checked.issues).toEqual([]);
    for (const kind of ['manual', 'levels', 'deduction', 'survey'] as const) {
      const other = updateNode(rate, a, (node) => ({
        ...node,
        rule: { ...node.rule, kind, step: '0,5', occurrenceLabel: 'Số lần chậm', perOccurrence: '0,5', minPoints: '0', levels: [{ id: 'du', label: 'Đủ', points: '4' }, { id: 'thieu', label: 'Thiếu', points: '1,5' }] },
      }));
      const result = checkDraft(other);
      expect(result.issues).toEqual([]);
      if (result.ok) expect(result.set.fields[0]!.children![0]!.rule!.kind).toBe(kind);
    }
  });
});
