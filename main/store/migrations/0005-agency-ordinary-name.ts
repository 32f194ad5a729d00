/** 0005: the agency profile keeps its name in two forms (capitals for the header, the ordinary form
 *  for sentences and titles) and an abbreviation for every commune (UBND by default), so the report
 *  never prints "Số: …/BC" or a capitalised name inside a sentence. RELEASED MIGRATIONS ARE NEVER EDITED. */
import type Database from 'better-sqlite3';
import { defaultAbbreviation, ordinaryAgencyName } from '../../../shared/format/agency-names';
import type { Migration } from './types';

interface Row {
  id: number;
  name: string;
  place_name: string;
  level: 'department' | 'commune';
  abbreviation: string;
}

function up(db: Database.Database): void {
  db.exec("ALTER TABLE agencies ADD COLUMN ordinary_name TEXT NOT NULL DEFAULT ''");
  const rows = db.prepare('SELECT id, name, place_name, level, abbreviation FROM agencies').all() as Row[];
  const update = db.prepare('UPDATE agencies SET ordinary_name = ?, abbreviation = ? WHERE id = ?');
  for (const r of rows) {
    update.run(ordinaryAgencyName(r.name, r.place_name), r.abbreviation.trim() || defaultAbbreviation(r.level), r.id);
  }
}

const migration: Migration = { version: 5, name: 'agency-ordinary-name', up };
export default migration;
