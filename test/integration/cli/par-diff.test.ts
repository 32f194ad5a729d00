/** `par diff` as a user runs it: two real files (JSON and .xlsx), text and --json output. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CriteriaDiff } from '../../../shared/domain/criteria-diff';
import { repoRoot } from '../../helpers/web-server-process';

function par(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Each run starts node with tsx (seconds on a busy machine). */
const SLOW = { timeout: 240_000 };

describe('par diff', () => {
  it('compares last year\'s JSON with this year\'s .xlsx: a retitled criterion and a swapped pair', SLOW, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-diff-'));
    const older = path.join(repoRoot, 'seeds', 'sample-commune-2026.json');
    const set = JSON.parse(fs.readFileSync(older, 'utf8'));
    set.fields[0].children[5].title = 'Tổ chức đối thoại với người dân về cải cách hành chính';
    const group = set.fields[1].children[2];
    [group.children[0], group.children[2]] = [{ ...group.children[2], code: '2.3.1' }, { ...group.children[0], code: '2.3.3' }];
    const newerJson = path.join(dir, 'moi.json');
    fs.writeFileSync(newerJson, JSON.stringify(set));
    expect(par('convert', newerJson, path.join(dir, 'moi.xlsx')).code).toBe(0);

    const text = par('diff', older, path.join(dir, 'moi.xlsx'));
    expect(text.err).toBe('');
    expect(text.code).toBe(0);
    expect(text.out).toContain('~ Đổi tên 1.6: "Chủ tịch UBND xã, phường tổ chức đối thoại với người dân, doanh nghiệp về cải cách hành chính" → "Tổ chức đối thoại với người dân về cải cách hành chính"');
    expect(text.out).toContain('# Đổi số 2.3.1 → 2.3.3');
    expect(text.out).toContain('# Đổi số 2.3.3 → 2.3.1');

    const json = par('diff', older, path.join(dir, 'moi.xlsx'), '--json', '--map', '1.6=-');
    expect(json.code).toBe(0);
    const diff = JSON.parse(json.out) as CriteriaDiff;
    expect(diff.changes.map((change) => change.kind).sort()).toEqual(['added', 'removed', 'renumbered', 'renumbered']);
  });
});
