/** Rules for the central directory of an untrusted zip, checked before any entry is read:
 *  names, raw name bytes, entry types, duplicate and colliding names, sizes (overlaps and local
 *  headers: archive-layout.ts).
 *  Each rule returns a Vietnamese message, or null when the entry passes. */
import type { Entry } from 'yauzl';
import { collisionKey, LIMITS } from './format';
import { msg } from './package-messages';

const UTF8_FLAG = 0x800;
const ENCRYPTED_FLAG = 0x1;
const UNICODE_PATH_FIELD = 0x7075;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const DOS_DIRECTORY = 0x10;
// eslint-disable-next-line no-control-regex -- rejecting control (and bidi control) characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The name rules (also used to classify yauzl's own refusals, which name the entry). */
export function nameProblem(name: string): string | null {
  if (name === '') return msg.emptyName();
  if (/^[a-zA-Z]:/.test(name)) return msg.driveLetter(name);
  if (name.startsWith('/')) return msg.absolutePath(name);
  if (name.includes('\\')) return msg.backslash(name);
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return msg.traversal(name);
  if (CONTROL.test(name)) return msg.controlChars(name);
  if (segments.some((s) => s === '' || s === '.')) return msg.oddSegments(name);
  if (Buffer.byteLength(name, 'utf8') > LIMITS.maxNameBytes) return msg.nameTooLong(name);
  return null;
}

/** The name bytes: valid UTF-8 under the UTF-8 flag, plain ASCII without it, and no Unicode
 *  path extra field that says something else than the name itself. */
export function rawNameProblem(entry: Entry): string | null {
  const raw = entry.fileNameRaw;
  const shown = raw.toString('latin1');
  if ((entry.generalPurposeBitFlag & UTF8_FLAG) === 0) {
    if (raw.some((b) => b >= 0x80)) return msg.notFlaggedUtf8(shown);
  } else {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return msg.invalidUtf8(raw.toString('utf8'));
    }
  }
  const decoded = raw.toString('utf8');
  const unicodePaths = entry.extraFields.filter((f) => f.id === UNICODE_PATH_FIELD);
  if (entry.fileName !== decoded || unicodePaths.some((f) => !f.data.subarray(5).equals(raw))) return msg.conflictingNames(decoded);
  return null;
}

/** Plain files and plain directories only: no symlinks, devices, FIFOs, odd directories, encryption. */
export function typeProblem(entry: Entry): string | null {
  const name = entry.fileName;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  const dosDirectory = (entry.externalFileAttributes & DOS_DIRECTORY) !== 0;
  if (mode === S_IFLNK) return msg.symlink(name);
  if ((entry.generalPurposeBitFlag & ENCRYPTED_FLAG) !== 0) return msg.encrypted(name);
  if (name.endsWith('/')) {
    const plain = (mode === 0 || mode === S_IFDIR) && entry.uncompressedSize === 0 && entry.compressedSize <= 2;
    return plain ? null : msg.badDirectory(name);
  }
  if (mode === S_IFDIR || dosDirectory) return msg.badDirectory(name);
  if (mode !== 0 && mode !== S_IFREG) return msg.specialFile(name);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return msg.unsupportedMethod(name, entry.compressionMethod);
  if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize) return msg.storedSizes(name);
  return null;
}

function duplicateMessage(a: string, b: string): string {
  if (a.normalize('NFC') === b.normalize('NFC')) return msg.duplicateNfc(a, b);
  if (a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase()) return msg.duplicateCase(a, b);
  return msg.duplicateOnWindows(a, b);
}

const parentsOf = (key: string): string[] => {
  const parts = key.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
};

/** Exact, NFC/NFD and upper/lower-case duplicates, and a name used both as a file and a folder. */
export class NameRegistry {
  private readonly exact = new Set<string>();
  private readonly byKey = new Map<string, string>();
  private readonly fileKeys = new Set<string>();
  private readonly dirKeys = new Set<string>();

  add(name: string): string | null {
    const isDir = name.endsWith('/');
    if (this.exact.has(name)) return msg.duplicate(name);
    this.exact.add(name);
    const key = collisionKey(isDir ? name.slice(0, -1) : name);
    const other = this.byKey.get(key);
    if (other !== undefined && !(isDir && other.endsWith('/'))) {
      if (other.endsWith('/') !== isDir) return msg.fileDirClash(name);
      return duplicateMessage(other, name);
    }
    this.byKey.set(key, name);
    return isDir ? this.addDir(key, name) : this.addFile(key, name);
  }

  private addDir(key: string, name: string): string | null {
    if (this.fileKeys.has(key)) return msg.fileDirClash(name);
    this.dirKeys.add(key);
    return null;
  }

  private addFile(key: string, name: string): string | null {
    if (this.dirKeys.has(key) || parentsOf(key).some((p) => this.fileKeys.has(p))) return msg.fileDirClash(name);
    this.fileKeys.add(key);
    for (const p of parentsOf(key)) this.dirKeys.add(p);
    return null;
  }
}

/** Header-level size rules over the whole list: per entry, in total, and the expansion ratio. */
export function sizeProblem(entries: readonly Entry[]): string | null {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > LIMITS.maxEntryBytes) return msg.entryTooLarge(e.fileName, e.uncompressedSize);
    total += e.uncompressedSize;
  }
  if (total > LIMITS.maxTotalBytes) return msg.totalTooLarge(total);
  const bomb = entries.find((e) => e.uncompressedSize > LIMITS.ratioGraceBytes && e.compressedSize < e.uncompressedSize * LIMITS.minInflateRatio);
  return bomb ? msg.bomb(bomb.fileName) : null;
}
