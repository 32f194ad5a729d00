/**
 * The two forms of an agency's name. The header of a document writes it in capitals ("ỦY BAN NHÂN
 * DÂN XÃ HÒA BÌNH"); sentences and titles use the ordinary form ("Ủy ban nhân dân xã Hòa Bình",
 * "Sở Tài nguyên và Môi trường"). The ordinary form is derived by default and the officer may edit it.
 *
 * Rule (Nghị định 30/2020, Phụ lục II, viết hoa tên cơ quan và địa danh):
 *  - the first letter of the name is upper case, the rest lower case;
 *  - a department ("Sở …", "Ban …"): the first word of its own name and the first word after "và"
 *    or a comma are upper case ("Sở Văn hóa, Thể thao và Du lịch");
 *  - a place after an administrative unit word (xã, phường, thị trấn, huyện, quận, thị xã, thành
 *    phố, tỉnh, đặc khu) is a proper name: every word of it is upper case ("xã Hòa Bình");
 *  - the place name typed in the profile keeps the officer's own capitals wherever it appears.
 */

const UNIT_WORDS = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'xã', 'phường', 'huyện', 'quận', 'tỉnh'];
const DEPARTMENT_WORDS = new Set(['sở', 'ban']);

const lower = (s: string): string => s.toLocaleLowerCase('vi-VN');
const capital = (word: string): string => (word ? word.charAt(0).toLocaleUpperCase('vi-VN') + word.slice(1) : word);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Index of the first word after the last administrative unit word, or -1. */
function placeStart(words: string[]): number {
  let start = -1;
  for (let i = 0; i < words.length; i += 1) {
    for (const unit of UNIT_WORDS) {
      const parts = unit.split(' ');
      if (parts.every((p, k) => words[i + k] === p) && i + parts.length < words.length) start = i + parts.length;
    }
  }
  return start;
}

function keepPlaceName(text: string, placeName: string): string {
  const place = placeName.trim().normalize('NFC');
  if (!place) return text;
  const re = new RegExp(`(^|\\s)${escapeRe(lower(place))}(?=$|[\\s,.;])`, 'gu');
  const found = [...lower(text).matchAll(re)];
  let out = text;
  for (const m of found) {
    const at = m.index + m[1]!.length;
    out = out.slice(0, at) + place + out.slice(at + place.length);
  }
  return out;
}

/** "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH" → "Ủy ban nhân dân xã Hòa Bình"; "SỞ NỘI VỤ" → "Sở Nội vụ". */
export function ordinaryAgencyName(headerName: string, placeName = ''): string {
  const words = lower(headerName.normalize('NFC')).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const out = [...words];
  out[0] = capital(out[0]!);
  if (DEPARTMENT_WORDS.has(words[0]!) && out.length > 1) {
    out[1] = capital(out[1]!);
    for (let i = 2; i < out.length; i += 1) if (words[i - 1] === 'và' || words[i - 1]!.endsWith(',')) out[i] = capital(out[i]!);
  }
  const place = placeStart(words);
  if (place > 0) for (let i = place; i < out.length; i += 1) out[i] = capital(out[i]!);
  return keepPlaceName(out.join(' '), placeName);
}

/** The abbreviation a unit gets when the officer leaves it blank: UBND for a commune or ward;
 *  a department types its own (SNV, STC…), so none. */
export function defaultAbbreviation(level: 'department' | 'commune'): string {
  return level === 'commune' ? 'UBND' : '';
}
