/** Test helpers for evidence: a data folder with a migrated database, an agency and items, and
 *  file contents with a real signature. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { EvidenceDraft } from '../../shared/api/evidence-entities';
import { databasePath, openDatabase } from '../../main/store/open';
import { insertAgency } from '../../main/store/queries/agencies';
import { insertItem } from '../../main/store/queries/evidence';
import { insertCriteriaSet } from '../../main/store/queries/criteria-sets';
import { insertAssessment } from '../../main/store/queries/assessments';
import { makeTempDir, NOW, sampleSetRow, type TempDir } from './store-temp';
import { agencyDraft } from './agency-fixture';

export const PDF_HEADER = Buffer.from('%PDF-1.7\n');

export interface EvidenceEnv {
  tmp: TempDir;
  dataDir: string;
  db: Database.Database;
  agencyId: number;
  cleanup: () => void;
}

export function makeEvidenceEnv(prefix = 'par-evidence-'): EvidenceEnv {
  const tmp = makeTempDir(prefix);
  const dataDir = tmp.file('data');
  const db = openDatabase(databasePath(dataDir));
  const agencyId = insertAgency(db, agencyDraft(), NOW).id;
  return {
    tmp,
    dataDir,
    db,
    agencyId,
    cleanup: () => {
      if (db.open) db.close();
      tmp.cleanup();
    },
  };
}

export function sampleDraft(overrides: Partial<EvidenceDraft> = {}): EvidenceDraft {
  return {
    docNumber: '125/KH-UBND',
    issuedOn: '2025-01-15',
    issuer: 'UBND thành phố Đà Nẵng',
    docType: 'plan',
    summary: 'Kế hoạch cải cách hành chính năm 2025',
    ...overrides,
  };
}

export function newItem(env: EvidenceEnv, overrides: Partial<EvidenceDraft> = {}): number {
  return insertItem(env.db, env.agencyId, sampleDraft(overrides), NOW).id;
}

/** An assessment of the env's agency (the sample set is inserted once). */
export function newAssessment(env: EvidenceEnv, year = 2025): number {
  const set = sampleSetRow();
  if (env.db.prepare('SELECT 1 FROM criteria_sets WHERE hash = ?').get(set.hash) === undefined) insertCriteriaSet(env.db, set);
  return insertAssessment(env.db, { agencyId: env.agencyId, year, setHash: set.hash, now: NOW }).id;
}

/** A PDF-looking content of `size` bytes (the header, then random bytes). */
export function pdfBytes(size: number): Buffer {
  const body = crypto.randomBytes(Math.max(0, size - PDF_HEADER.length));
  return Buffer.concat([PDF_HEADER, body]).subarray(0, size);
}

export const sha256 = (data: Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

export function writeSource(env: EvidenceEnv, name: string, data: Uint8Array): string {
  const dir = env.tmp.file('sources');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** An upload-like source: the data in chunks of `chunkSize`. */
export async function* chunked(data: Uint8Array, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += chunkSize) {
    await Promise.resolve();
    yield data.subarray(i, i + chunkSize);
  }
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}
