/**
 * Folding for accent-insensitive search in Vietnamese: lower case, no tone or vowel marks,
 * đ → d, single spaces. foldVi("Kế hoạch  Đào tạo") === "ke hoach dao tao".
 */

const COMBINING_MARKS = /\p{M}+/gu;
const D_STROKE = /[đĐ]/g;
const WHITESPACE = /\s+/g;

export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_STROKE, 'd')
    .toLowerCase()
    .replace(WHITESPACE, ' ')
    .trim();
}

/** True when every word of the folded query occurs in the folded text. */
export function matchesFoldedVi(text: string, query: string): boolean {
  const haystack = foldVi(text);
  return foldVi(query)
    .split(' ')
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}
