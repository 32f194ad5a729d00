/** A criteria set's identity: SHA-256 of its canonical JSON (sorted keys, no spaces). */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';

export function canonicalSetJson(set: CriteriaSet): string {
  return canonicalJson(set);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function hashCriteriaSet(set: CriteriaSet): { hash: string; canonical: string } {
  const canonical = canonicalSetJson(set);
  return { hash: sha256Hex(canonical), canonical };
}
