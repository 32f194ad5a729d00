/** Readable places for evidence files inside a package:
 *  tai-lieu-kiem-chung/<criterion code>/<document symbol, path-safe>/<display name>.
 *  One entry per distinct content (SHA-256): a file that backs several criteria, or that two
 *  items share, is stored once, under the first code in tree order; assessment.json says which
 *  codes each item backs. Names never collide, not even on Windows or macOS (collisionKey). */
import { sanitizeDisplayName, truncateUtf8 } from '../../shared/files/file-names';
import { collisionKey, EVIDENCE_ROOT } from './format';

/** Folder for an item without a number/symbol. */
export const NO_SYMBOL_FOLDER = 'khong-so-ky-hieu';
const MAX_FOLDER_BYTES = 80;

/** "125/KH-UBND" → "125-KH-UBND"; blank (or only dots) → "khong-so-ky-hieu"; no leading dot (hidden folders). */
export function symbolFolder(docNumber: string): string {
  const flat = docNumber.normalize('NFC').replace(/[/\\]+/g, '-').replace(/^[.\s]+|[.\s]+$/gu, '');
  if (flat === '') return NO_SYMBOL_FOLDER;
  const safe = truncateUtf8(sanitizeDisplayName(flat), MAX_FOLDER_BYTES).replace(/[. ]+$/u, '');
  return safe === '' ? NO_SYMBOL_FOLDER : safe;
}

function withSuffix(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? `${name} (${n})` : `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}

export interface EvidenceFileRef {
  hash: string;
  displayName: string;
}

export interface EvidenceItemRef {
  docNumber: string;
  /** Codes of this assessment the item backs, in tree order (at least one). */
  codes: string[];
  files: EvidenceFileRef[];
}

/** Assigns each distinct content one entry path; returns hash → path. */
export class EvidenceLayout {
  private readonly byHash = new Map<string, string>();
  private readonly taken = new Set<string>();

  pathFor(item: EvidenceItemRef, file: EvidenceFileRef): string {
    const known = this.byHash.get(file.hash);
    if (known !== undefined) return known;
    const folder = `${EVIDENCE_ROOT}/${item.codes[0] ?? 'chua-gan-tieu-chi'}/${symbolFolder(item.docNumber)}`;
    const name = sanitizeDisplayName(file.displayName);
    let candidate = `${folder}/${name}`;
    for (let n = 2; this.taken.has(collisionKey(candidate)); n++) candidate = `${folder}/${withSuffix(name, n)}`;
    this.taken.add(collisionKey(candidate));
    this.byHash.set(file.hash, candidate);
    return candidate;
  }

  get size(): number {
    return this.byHash.size;
  }
}
