/** Test helpers for the store: a fresh temp folder per test and small sample rows. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AgencyDraft } from '../../shared/api/entities';
import type { CriteriaSetRow } from '../../main/store/queries/criteria-sets';

export const NOW = '2026-01-05T08:00:00.000Z';

export interface TempDir {
  dir: string;
  file: (name: string) => string;
  cleanup: () => void;
}

export function makeTempDir(prefix = 'par-store-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function sampleAgency(overrides: Partial<AgencyDraft> = {}): AgencyDraft {
  return {
    superiorBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG',
    name: 'SỞ NỘI VỤ',
    ordinaryName: '',
    abbreviation: 'SNV',
    level: 'department',
    placeName: 'Đà Nẵng',
    signerAuthority: 'KT. GIÁM ĐỐC',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerName: 'Nguyễn Văn A',
    officerName: 'Trần Thị B',
    officerContact: '0236 3822 000',
    ...overrides,
  };
}

/** A criteria-set row whose hash really is the SHA-256 of its (toy) canonical JSON. */
export function sampleSetRow(overrides: { id?: string; year?: number; version?: number; title?: string } = {}): CriteriaSetRow {
  const id = overrides.id ?? 'par-so-nganh-2025';
  const year = overrides.year ?? 2025;
  const version = overrides.version ?? 1;
  const canonicalJson = JSON.stringify({ id, year, version, title: overrides.title ?? 'Bộ chỉ số mẫu' });
  return {
    hash: crypto.createHash('sha256').update(canonicalJson).digest('hex'),
    id,
    title: overrides.title ?? 'Bộ chỉ số PAR INDEX cấp sở (mẫu)',
    level: 'department',
    year,
    status: 'sample',
    issuer: 'UBND thành phố Đà Nẵng',
    leafCount: 42,
    importedAt: NOW,
    version,
    canonicalJson,
  };
}

export function tableNames(db: Database.Database): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return (rows as { name: string }[]).map((r) => r.name);
}

export function columnNames(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}
