/** How an import recognises an evidence item of the agency: number/symbol + issue date + issuer +
 *  the same set of file contents (SHA-256), text compared NFC with spaces collapsed. */
import type { EvidenceItem } from '../../shared/api/evidence-entities';
import type { PackageItem } from './package-schema';

const norm = (text: string): string => text.normalize('NFC').trim().replace(/\s+/gu, ' ');

function itemKey(docNumber: string, issuedOn: string | null, issuer: string, hashes: string[]): string {
  return [norm(docNumber), issuedOn ?? '', norm(issuer), [...new Set(hashes)].sort().join(',')].join('\u0000');
}

/** The fields that identify an item in a package (full or response). */
export type KeyedItem = Pick<PackageItem, 'docNumber' | 'issuedOn' | 'issuer' | 'files'>;

export const packageItemKey = (i: KeyedItem): string => itemKey(i.docNumber, i.issuedOn, i.issuer, i.files.map((f) => f.sha256));
export const localItemKey = (i: EvidenceItem): string => itemKey(i.docNumber, i.issuedOn, i.issuer, i.files.map((f) => f.hash));
