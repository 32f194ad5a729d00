/** The refusal rules of "Chọn thư mục dữ liệu": each refusal says what is wrong in Vietnamese;
 *  containment is separator-aware and follows Windows rules for Windows paths. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSameOrInside, moveRefusal, type MoveFacts } from '../../../main/backup/move-rules';

const ok: MoveFacts = { from: '/home/a/.config/par', to: '/mnt/d/par-du-lieu', targetEntries: null, targetIsFile: false, writable: true, freeBytes: 10e9, neededBytes: 1e9 };

describe('moveRefusal', () => {
  it('lets a move to a new or empty folder with room through', () => {
    expect(moveRefusal(ok)).toBeNull();
    expect(moveRefusal({ ...ok, targetEntries: 0 })).toBeNull();
  });

  it.each([
    ['the current folder itself', { to: ok.from }, /là thư mục dữ liệu hiện tại hoặc nằm bên trong nó/],
    ['a folder inside the current one', { to: `${ok.from}/con` }, /nằm bên trong nó/],
    ['a parent of the current folder', { to: '/home/a' }, /Thư mục dữ liệu hiện tại nằm bên trong/],
    ['a file', { targetIsFile: true }, /là một tệp, không phải thư mục/],
    ['a folder that is not empty', { targetEntries: 3 }, /không trống/],
    ['a read-only place', { writable: false }, /chỉ cho phép đọc/],
    ['too little free space', { freeBytes: 5e8 }, /không đủ chỗ trống: cần khoảng 954 MB, còn 477 MB/],
  ] as [string, Partial<MoveFacts>, RegExp][])('refuses %s, saying nothing changed', (_what, change, message) => {
    const refusal = moveRefusal({ ...ok, ...change });
    expect(refusal).toMatch(message);
    expect(refusal).toMatch(/Không có gì bị thay đổi\.$/);
  });
});

describe('isSameOrInside', () => {
  it('is separator-aware', () => {
    expect(isSameOrInside('/data/par', '/data/par2')).toBe(false);
    expect(isSameOrInside('/data/par', '/data/par/x')).toBe(true);
    expect(isSameOrInside('/data/par', '/data/par/..foo')).toBe(true);
  });

  it('follows Windows rules for Windows paths (drive letters, case)', () => {
    expect(isSameOrInside('C:\\Users\\A\\AppData\\Roaming\\par', 'c:\\users\\a\\appdata\\roaming\\PAR\\moi', path.win32)).toBe(true);
    expect(isSameOrInside('C:\\Users\\A\\AppData\\Roaming\\par', 'D:\\par', path.win32)).toBe(false);
    expect(isSameOrInside('D:\\du-lieu', 'D:\\du-lieu2', path.win32)).toBe(false);
  });
});
