import { describe, expect, it } from 'vitest';
import { foldVi, matchesFoldedVi } from '../../../shared/format/search-fold';

describe('foldVi', () => {
  it.each([
    ['Kế hoạch Đào tạo', 'ke hoach dao tao'],
    ['  Cải   cách\thành chính\n', 'cai cach hanh chinh'],
    ['ĐIỀU TRA XÃ HỘI HỌC', 'dieu tra xa hoi hoc'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    ['Quyết định số 125/KH-UBND', 'quyet dinh so 125/kh-ubnd'],
    ['', ''],
  ])('%j → %j', (text, folded) => {
    expect(foldVi(text)).toBe(folded);
  });
  it('folds composed and decomposed input alike', () => {
    const composed = 'Thủ tục hành chính'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(foldVi(decomposed)).toBe(foldVi(composed));
    expect(foldVi(composed)).toBe('thu tuc hanh chinh');
  });
});

describe('matchesFoldedVi', () => {
  it('matches every word of the query, accents ignored', () => {
    expect(matchesFoldedVi('Kế hoạch cải cách hành chính năm 2025', 'cai cach 2025')).toBe(true);
    expect(matchesFoldedVi('Kế hoạch cải cách hành chính', 'dao tao')).toBe(false);
    expect(matchesFoldedVi('Đào tạo, bồi dưỡng', '')).toBe(true);
  });
});
