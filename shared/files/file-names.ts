/**
 * Display names of evidence files (pure, no fs). The content lives under its SHA-256; the name
 * is kept for display and for the temporary copy opened with the system application, so it must
 * be a safe single file name on Windows, macOS and Linux:
 * NFC (macOS hands over NFD; NTFS and ext4 treat the two as different names), no control or
 * bidi characters (`photo_high_re\u202Egnp.js` looks like a .png), no directory part, none of the
 * characters Windows forbids, no trailing dots or spaces, no reserved device names, and at most
 * 255 UTF-8 bytes (ext4's limit), shortened on a grapheme boundary with the extension kept.
 */

export const MAX_NAME_BYTES = 255;
/** The name used when nothing usable is left ("tệp" without diacritics). */
export const FALLBACK_BASE = 'tep';
/** A longer "extension" is not one (e.g. "a.<300 characters>"): the whole name is shortened. */
const MAX_EXTENSION_BYTES = 32;

/** C0, DEL, C1; the bidi embeddings/overrides/isolates and marks (LRM, RLM, ALM); the BOM. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/gu;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const DIRECTORY_SEPARATOR = /[/\\]/;
const TRAILING_DOTS_SPACES = /[.\s]+$/u;
/** Device names Windows reserves with any extension; COM¹²³/LPT¹²³ are reserved too. */
const RESERVED_STEM = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/iu;

const encoder = new TextEncoder();
const utf8Bytes = (text: string): number => encoder.encode(text).length;

/** Everything after the last slash or backslash: `../../x.pdf` → `x.pdf`. */
function lastPathPart(name: string): string {
  const parts = name.split(DIRECTORY_SEPARATOR);
  return parts[parts.length - 1] ?? '';
}

interface NameParts {
  base: string;
  /** Without the dot; '' when none. */
  ext: string;
}

function splitName(name: string): NameParts {
  const dot = name.lastIndexOf('.');
  if (dot < 0 || dot === name.length - 1) return { base: name, ext: '' };
  const ext = name.slice(dot + 1);
  if (utf8Bytes(ext) > MAX_EXTENSION_BYTES) return { base: name, ext: '' };
  return { base: name.slice(0, dot), ext };
}

const joinName = ({ base, ext }: NameParts): string => (ext === '' ? base : `${base}.${ext}`);

/** `CON.pdf` → `CON_.pdf`, `nul.tar.gz` → `nul_.tar.gz`: Windows looks at the part before the first dot. */
function avoidReservedName(name: string): string {
  const firstDot = name.indexOf('.');
  const stem = firstDot < 0 ? name : name.slice(0, firstDot);
  if (!RESERVED_STEM.test(stem.trimEnd())) return name;
  const trimmed = stem.trimEnd();
  return `${trimmed}_${name.slice(trimmed.length)}`;
}

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes, cut between graphemes, so a
 *  surrogate pair or a letter with its combining marks is never split. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = utf8Bytes(segment);
    if (bytes + size > maxBytes) break;
    out += segment;
    bytes += size;
  }
  return out;
}

function shorten(parts: NameParts): NameParts {
  const room = MAX_NAME_BYTES - (parts.ext === '' ? 0 : utf8Bytes(parts.ext) + 1);
  const base = truncateUtf8(parts.base, room).replace(TRAILING_DOTS_SPACES, '');
  return { base, ext: parts.ext };
}

/** Lowercase extension without the dot ('' when there is none): `Báo cáo.PDF` → `pdf`. */
export function fileExtension(name: string): string {
  return splitName(lastPathPart(name.normalize('NFC'))).ext.toLowerCase();
}

export function sanitizeDisplayName(name: string): string {
  let clean = name.normalize('NFC').replace(CONTROL_OR_BIDI, '');
  clean = lastPathPart(clean).replace(WINDOWS_FORBIDDEN, '_');
  clean = clean.trimStart().replace(TRAILING_DOTS_SPACES, '');
  let parts = splitName(clean);
  if (utf8Bytes(clean) > MAX_NAME_BYTES) parts = shorten(parts);
  if (parts.base.trim() === '') parts = { base: FALLBACK_BASE, ext: parts.ext };
  return avoidReservedName(joinName(parts));
}
