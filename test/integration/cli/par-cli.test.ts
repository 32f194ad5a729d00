/** The `par` command line as a user runs it: a real process, real files, exit codes and messages. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/web-server-process';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'cli');

function par(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('par validate', () => {
  it.each(['sample-department-2026.json', 'sample-commune-2026.json'])('accepts the seed %s and says it is a sample', (name) => {
    const r = par('validate', path.join(repoRoot, 'seeds', name));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hợp lệ');
    expect(r.out).toContain('Bộ chỉ số mẫu');
    expect(r.out).toMatch(/SHA-256: [0-9a-f]{64}/);
  });

  it('rejects a set whose field maximum is not the sum of its criteria, naming the path', () => {
    const set = JSON.parse(fs.readFileSync(path.join(fixtures, 'small-set.json'), 'utf8'));
    set.fields[0].maxPoints = 5;
    const r = par('validate', tempFile('broken.json', JSON.stringify(set)));
    expect(r.code).toBe(1);
    expect(r.err).toContain('fields[0].maxPoints');
  });

  it('rejects a 0-byte file and a missing file with a plain message', () => {
    const empty = par('validate', tempFile('empty.json', ''));
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('rỗng');
    const missing = par('validate', path.join(os.tmpdir(), 'khong-co-tep-nay.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('không tồn tại');
  });

  it('reports a usage error with exit code 2', () => {
    expect(par('validate').code).toBe(2);
    expect(par('no-such-command').code).toBe(2);
    expect(par().code).toBe(2);
  });
});

describe('par score', () => {
  it('prints the totals of the hand-computed example', () => {
    // By hand: 1.1 = 1.75; 1.2 = 1; 1.3 "chậm" = 0.5; 2.1 = 45/60 × 2 = 1.5; 2.2 no cases → N/A;
    // 2.3 = 1 − 2 × 0.25 = 0.5; 2.4 survey. Points 5.25 of an applicable 10 − 1 − 2 = 7.
    // Bonus 1, penalty 0.5 → total 5.75 → 5.75 / 7 × 100 = 82.142… → 82.14 % → "Tốt" (≥ 80).
    const r = par('score', path.join(fixtures, 'small-set.json'), path.join(fixtures, 'small-answers.json'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const totals = JSON.parse(r.out);
    expect(totals).toMatchObject({
      points: 5.25,
      maxPoints: 10,
      applicableMaxPoints: 7,
      surveyMaxPoints: 2,
      bonus: 1,
      penalty: 0.5,
      total: 5.75,
      percent: 82.14,
      class: 'Tốt',
      unanswered: 0,
    });
    expect(totals.fields).toEqual([
      { code: '1', title: 'Công tác chỉ đạo, điều hành cải cách hành chính', points: 3.25, maxPoints: 4, applicableMaxPoints: 4 },
      { code: '2', title: 'Cải cách thủ tục hành chính', points: 2, maxPoints: 6, applicableMaxPoints: 3 },
    ]);
  });

  it('refuses an answer above the maximum, naming the criterion', () => {
    const answers = { format: 'par-answers/v1', answers: [{ code: '1.1', input: { kind: 'manual', points: 2.5 } }] };
    const r = par('score', path.join(fixtures, 'small-set.json'), tempFile('a.json', JSON.stringify(answers)));
    expect(r.code).toBe(1);
    expect(r.err).toContain('1.1');
    expect(r.out).toBe('');
  });

  it('refuses an answers file of another format', () => {
    const r = par('score', path.join(fixtures, 'small-set.json'), tempFile('a.json', '{"answers": []}'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('par-answers/v1');
  });
});
