/** The `criteria_sets` table. Rows are immutable (triggers refuse UPDATE, and DELETE of a used set):
 *  a set is identified by the SHA-256 of its canonical JSON. */
import type Database from 'better-sqlite3';
import type { CriteriaSetSummary } from '../../../shared/api/entities';
import { prepared } from '../statements';

export interface CriteriaSetRow extends CriteriaSetSummary {
  /** The canonical JSON whose SHA-256 is `hash`. */
  canonicalJson: string;
}

interface SetRecord {
  hash: string;
  set_id: string;
  year: number;
  title: string;
  level: CriteriaSetSummary['level'];
  status: CriteriaSetSummary['status'];
  issuer: string;
  leaf_count: number;
  version: number;
  imported_at: string;
}

const SUMMARY_COLUMNS = 'hash, set_id, year, title, level, status, issuer, leaf_count, version, imported_at';

function toSummary(r: SetRecord): CriteriaSetSummary {
  return {
    hash: r.hash,
    id: r.set_id,
    title: r.title,
    level: r.level,
    year: r.year,
    status: r.status,
    issuer: r.issuer,
    leafCount: r.leaf_count,
    importedAt: r.imported_at,
    version: r.version,
  };
}

/** All installed sets, newest year first; no JSON bodies. */
export function listCriteriaSets(db: Database.Database): CriteriaSetSummary[] {
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM criteria_sets ORDER BY year DESC, set_id, version DESC`;
  return (prepared(db, sql).all() as SetRecord[]).map(toSummary);
}

export function getCriteriaSetRow(db: Database.Database, hash: string): CriteriaSetRow | undefined {
  const sql = `SELECT ${SUMMARY_COLUMNS}, canonical_json FROM criteria_sets WHERE hash = ?`;
  const row = prepared(db, sql).get(hash) as (SetRecord & { canonical_json: string }) | undefined;
  return row && { ...toSummary(row), canonicalJson: row.canonical_json };
}

/** Sets already installed under this id and year, oldest version first (to decide the next version). */
export function findSetsByIdYear(db: Database.Database, setId: string, year: number): CriteriaSetSummary[] {
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM criteria_sets WHERE set_id = ? AND year = ? ORDER BY version`;
  return (prepared(db, sql).all(setId, year) as SetRecord[]).map(toSummary);
}

export function insertCriteriaSet(db: Database.Database, row: CriteriaSetRow): void {
  prepared(
    db,
    `INSERT INTO criteria_sets (hash, set_id, year, title, level, status, issuer, leaf_count, version,
       canonical_json, imported_at)
     VALUES (@hash, @setId, @year, @title, @level, @status, @issuer, @leafCount, @version,
       @canonicalJson, @importedAt)`,
  ).run({
    hash: row.hash,
    setId: row.id,
    year: row.year,
    title: row.title,
    level: row.level,
    status: row.status,
    issuer: row.issuer,
    leafCount: row.leafCount,
    version: row.version,
    canonicalJson: row.canonicalJson,
    importedAt: row.importedAt,
  });
}
