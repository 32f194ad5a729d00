import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/app-harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

describe('criteriaSets:diff', () => {
  it('compares two installed versions, and a forced mapping turns a title match into removed + added', async () => {
    const text = fs.readFileSync('seeds/sample-commune-2026.json', 'utf8');
    const older = await h.call('criteriaSets:import', { fileName: 'cu.json', text, confirmNewVersion: false });
    const set = JSON.parse(text);
    const group = set.fields[1].children[2];
    [group.children[0], group.children[2]] = [{ ...group.children[2], code: '2.3.1' }, { ...group.children[0], code: '2.3.3' }];
    const newer = await h.call('criteriaSets:import', { fileName: 'moi.json', text: JSON.stringify(set), confirmNewVersion: true });

    const diff = await h.call('criteriaSets:diff', { fromHash: older.summary.hash, toHash: newer.summary.hash, mapping: {} });
    expect(diff.changes.map((change) => change.kind)).toEqual(['renumbered', 'renumbered']);
    expect(diff.matches.filter((match) => match.by === 'title').map((match) => `${match.from.code}→${match.to.code}`)).toEqual(['2.3.1→2.3.3', '2.3.3→2.3.1']);

    const forced = await h.call('criteriaSets:diff', { fromHash: older.summary.hash, toHash: newer.summary.hash, mapping: { '2.3.1': null } });
    expect(forced.changes.map((change) => change.kind)).toEqual(['renumbered', 'removed', 'added']);
  });

  it('refuses an unknown set and a malformed mapping, in Vietnamese', async () => {
    const missing = await h.fail('criteriaSets:diff', { fromHash: 'a'.repeat(64), toHash: 'b'.repeat(64), mapping: {} });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy bộ chỉ số.' });
    const bad = await h.fail('criteriaSets:diff', { fromHash: 'a'.repeat(64), toHash: 'b'.repeat(64), mapping: { 'một': '1.1' } });
    expect(bad.code).toBe('INVALID_INPUT');
  });
});
