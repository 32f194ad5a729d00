import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, userVersion, type Migration } from '../../../main/store/migrations';
import { openRaw, runMigrationCase, schemaText, type MigrationCase } from '../../helpers/store-migration';
import { columnNames, makeTempDir, tableNames, type TempDir } from '../../helpers/store-temp';

const SNAPSHOT_DIR = path.resolve(import.meta.dirname, '../../fixtures/db');
const snapshotFile = (v: number) => path.join(SNAPSHOT_DIR, `schema-v${v}.sql`);

let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir('par-migrate-');
});
afterEach(() => tmp.cleanup());

const SCHEMA_V1: Record<string, string[]> = {
  agencies: ['id', 'superior_body', 'name', 'abbreviation', 'level', 'place_name', 'signer_authority', 'signer_title', 'signer_name', 'officer_name', 'officer_contact', 'created_at', 'updated_at'],
  criteria_sets: ['hash', 'set_id', 'year', 'title', 'level', 'status', 'issuer', 'leaf_count', 'version', 'canonical_json', 'imported_at'],
  assessments: ['id', 'agency_id', 'year', 'set_hash', 'status', 'created_at', 'updated_at'],
  answers: ['assessment_id', 'code', 'input_json', 'not_applicable', 'explanation', 'points_milli', 'updated_at'],
};

/**
 * One case per migration: seed rows the way version N−1 stored them, migrate to N, assert.
 * Version 0 is an empty file. Add the case for 0002 here when the migration is written.
 */
const CASES: MigrationCase[] = [
  {
    version: 1,
    seed: () => {},
    check: (db) => {
      expect(tableNames(db)).toEqual(Object.keys(SCHEMA_V1).sort());
      for (const [table, columns] of Object.entries(SCHEMA_V1)) expect(columnNames(db, table)).toEqual(columns);
      const strict = db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main'").all();
      expect((strict as { name: string }[]).map((r) => r.name).sort()).toEqual(Object.keys(SCHEMA_V1).sort());
    },
  },
  {
    version: 2,
    seed: (db) => {
      db.exec(`INSERT INTO agencies (id, name, level, place_name, signer_title, signer_name, created_at, updated_at)
               VALUES (1, 'SỞ NỘI VỤ', 'department', 'Đà Nẵng', 'GIÁM ĐỐC', 'Nguyễn Văn A', 't', 't')`);
      db.exec(`INSERT INTO criteria_sets (hash, set_id, year, title, level, status, issuer, leaf_count, version, canonical_json, imported_at)
               VALUES ('${'a'.repeat(64)}', 'mau', 2026, 'Mẫu', 'department', 'sample', 'x', 1, 1, '{}', 't')`);
      db.exec(`INSERT INTO assessments (id, agency_id, year, set_hash, status, created_at, updated_at) VALUES (1, 1, 2026, '${'a'.repeat(64)}', 'draft', 't', 't')`);
      db.exec(`INSERT INTO answers (assessment_id, code, input_json, not_applicable, explanation, points_milli, updated_at)
               VALUES (1, '1.1', '{"kind":"yesNo","achieved":true}', 0, 'Đã ban hành', 1000, 't')`);
    },
    check: (db) => {
      expect(db.prepare('SELECT code, explanation, points_milli FROM answers').all()).toEqual([{ code: '1.1', explanation: 'Đã ban hành', points_milli: 1000 }]);
      for (const t of ['blobs', 'evidence_items', 'evidence_files', 'evidence_links', 'backups', 'report_settings']) expect(tableNames(db)).toContain(t);
      // A blob becomes unreferenced when its last file row goes, and referenced again when reused.
      db.exec(`INSERT INTO blobs (hash, size, created_at) VALUES ('${'b'.repeat(64)}', 10, 't')`);
      db.exec("INSERT INTO evidence_items (id, agency_id, doc_type, created_at, updated_at) VALUES (1, 1, 'plan', 't', 't')");
      db.exec(`INSERT INTO evidence_files (id, item_id, blob_hash, display_name, media_type, size, added_at) VALUES (1, 1, '${'b'.repeat(64)}', 'kh.pdf', 'application/pdf', 10, 't')`);
      db.exec('DELETE FROM evidence_files WHERE id = 1');
      expect(db.prepare('SELECT unreferenced_since FROM blobs').get()).toEqual({ unreferenced_since: expect.stringMatching(/^\d{4}-/) });
      db.exec(`INSERT INTO evidence_files (id, item_id, blob_hash, display_name, media_type, size, added_at) VALUES (2, 1, '${'b'.repeat(64)}', 'kh.pdf', 'application/pdf', 10, 't')`);
      expect(db.prepare('SELECT unreferenced_since FROM blobs').get()).toEqual({ unreferenced_since: null });
    },
  },
  {
    version: 3,
    seed: (db) => {
      db.exec(`INSERT INTO agencies (id, name, level, place_name, signer_title, signer_name, created_at, updated_at)
               VALUES (1, 'SỞ NỘI VỤ', 'department', 'Đà Nẵng', 'GIÁM ĐỐC', 'Nguyễn Văn A', 't', 't')`);
      db.exec("INSERT INTO evidence_items (id, agency_id, doc_number, doc_type, search_text, created_at, updated_at) VALUES (7, 1, '125/KH', 'plan', 'ke hoach', 't', '2026-01-02')");
    },
    check: (db) => {
      expect(db.prepare('SELECT id, search_text FROM evidence_items').all()).toEqual([{ id: 7, search_text: 'ke hoach' }]);
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM evidence_items WHERE agency_id = 1 AND search_text LIKE '%ke%' ORDER BY updated_at DESC, id DESC LIMIT 50").all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' | ')).toContain('evidence_items_agency_newest');
      expect(plan.map((p) => p.detail).join(' | ')).not.toContain('TEMP B-TREE');
    },
  },
  {
    version: 4,
    seed: (db) => {
      db.exec(`INSERT INTO blobs (hash, size, created_at) VALUES ('${'c'.repeat(64)}', 10, 't')`);
    },
    check: (db) => {
      // Existing blobs are not journaled: the sweep never removes a file this version did not publish.
      expect(db.prepare('SELECT count(*) AS n FROM blob_journal').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT hash FROM blobs').all()).toEqual([{ hash: 'c'.repeat(64) }]);
      expect(() => db.exec("INSERT INTO blob_journal (hash, noted_at_ms) VALUES ('not-a-hash', 1)")).toThrow(/CHECK/);
    },
  },
  {
    version: 5,
    seed: (db) => {
      db.exec(`INSERT INTO agencies (id, name, abbreviation, level, place_name, signer_title, signer_name, created_at, updated_at) VALUES
               (1, 'ỦY BAN NHÂN DÂN XÃ HÒA BÌNH', '', 'commune', 'Hòa Bình', 'CHỦ TỊCH', 'Lê Văn C', 't', 't'),
               (2, 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'STNMT', 'department', 'Đà Nẵng', 'GIÁM ĐỐC', 'Nguyễn Văn A', 't', 't'),
               (3, 'SỞ NỘI VỤ', '', 'department', 'Đà Nẵng', 'GIÁM ĐỐC', 'Nguyễn Văn B', 't', 't')`);
    },
    check: (db) => {
      expect(db.prepare('SELECT id, name, ordinary_name, abbreviation FROM agencies ORDER BY id').all()).toEqual([
        { id: 1, name: 'ỦY BAN NHÂN DÂN XÃ HÒA BÌNH', ordinary_name: 'Ủy ban nhân dân xã Hòa Bình', abbreviation: 'UBND' },
        { id: 2, name: 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', ordinary_name: 'Sở Tài nguyên và Môi trường', abbreviation: 'STNMT' },
        // A department types its own abbreviation: none is invented for it.
        { id: 3, name: 'SỞ NỘI VỤ', ordinary_name: 'Sở Nội vụ', abbreviation: '' },
      ]);
    },
  },
  {
    version: 6,
    seed: (db) => {
      db.exec(`INSERT INTO agencies (id, name, level, place_name, signer_title, signer_name, created_at, updated_at) VALUES (1, 'SỞ NỘI VỤ', 'department', 'Đà Nẵng', 'GIÁM ĐỐC', 'A', 't', 't');
               INSERT INTO criteria_sets (hash, set_id, year, title, level, status, issuer, leaf_count, version, canonical_json, imported_at)
                 VALUES ('${'a'.repeat(64)}', 's', 2026, 'Bộ', 'department', 'sample', 'x', 1, 1, '{}', 't');
               INSERT INTO assessments (id, agency_id, year, set_hash, status, created_at, updated_at) VALUES
                 (1, 1, 2025, '${'a'.repeat(64)}', 'final', 'c', 'u'), (2, 1, 2026, '${'a'.repeat(64)}', 'draft', 'c', 'u');
               INSERT INTO answers (assessment_id, code, explanation, updated_at) VALUES (1, '1.1', 'Đã làm', 'u');
               INSERT INTO report_settings (assessment_id, doc_number, updated_at) VALUES (1, '12', 'u');`);
    },
    check: (db) => {
      // The rebuilt table keeps every row, its status ('final' still means locked) and its children.
      expect(db.prepare('SELECT id, status, created_at FROM assessments ORDER BY id').all()).toEqual([
        { id: 1, status: 'final', created_at: 'c' },
        { id: 2, status: 'draft', created_at: 'c' },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM report_settings').get()).toEqual({ n: 1 });
      db.exec("UPDATE assessments SET status = 'closed' WHERE id = 1");
      expect(() => db.exec("UPDATE assessments SET status = 'archived' WHERE id = 1")).toThrow(/CHECK/);
      // A used set still cannot be deleted (the trigger was recreated over the new table).
      expect(() => db.exec('DELETE FROM criteria_sets')).toThrow(/used by an assessment/);
      db.exec("INSERT INTO history (assessment_id, at, officer, kind, action) VALUES (1, 't', 'Cán bộ', 'status', 'closed')");
      expect(() => db.exec("UPDATE history SET officer = 'khác'")).toThrow(/never changed/);
      expect(() => db.exec('DELETE FROM history')).toThrow(/never deleted/);
      expect(() => db.exec('DELETE FROM assessments WHERE id = 1')).toThrow(/FOREIGN KEY/);
    },
  },
  {
    version: 7,
    seed: (db) => {
      db.exec(`INSERT INTO criteria_sets (hash, set_id, year, title, level, status, issuer, leaf_count, version, canonical_json, imported_at)
                 VALUES ('${'a'.repeat(64)}', 's', 2026, 'Bộ', 'department', 'sample', 'x', 1, 1, '{}', 't');`);
    },
    check: (db) => {
      // Installed sets are untouched; drafts live in their own table, their body must be JSON.
      expect(db.prepare('SELECT count(*) AS n FROM criteria_sets').get()).toEqual({ n: 1 });
      db.exec(`INSERT INTO criteria_drafts (title, body_json, created_at, updated_at) VALUES ('Bộ chỉ số tỉnh', '{"format":"par-criteria-draft/v1"}', 't', 't')`);
      expect(() => db.exec(`INSERT INTO criteria_drafts (title, body_json, created_at, updated_at) VALUES ('x', 'không phải JSON', 't', 't')`)).toThrow(/CHECK/);
    },
  },
  {
    version: 8,
    seed: (db) => {
      db.exec(`INSERT INTO agencies (id, name, level, place_name, signer_title, signer_name, created_at, updated_at) VALUES (1, 'SỞ NỘI VỤ', 'department', 'Đà Nẵng', 'GIÁM ĐỐC', 'A', 't', 't');
               INSERT INTO criteria_sets (hash, set_id, year, title, level, status, issuer, leaf_count, version, canonical_json, imported_at)
                 VALUES ('${'a'.repeat(64)}', 's', 2026, 'Bộ', 'department', 'sample', 'x', 1, 1, '{}', 't');
               INSERT INTO assessments (id, agency_id, year, set_hash, status, created_at, updated_at) VALUES (1, 1, 2026, '${'a'.repeat(64)}', 'submitted', 'c', 'u');
               INSERT INTO answers (assessment_id, code, explanation, points_milli, updated_at) VALUES (1, '1.1', 'Đã làm', 500, 'u');`);
    },
    check: (db) => {
      // Existing rows are untouched; the appraisal tables take a round, its points and an answer.
      expect(db.prepare('SELECT status FROM assessments').get()).toEqual({ status: 'submitted' });
      expect(db.prepare('SELECT points_milli FROM answers').get()).toEqual({ points_milli: 500 });
      db.exec(`INSERT INTO appraisal_rounds (id, assessment_id, round, file_hash, file_name, imported_at) VALUES (1, 1, 1, '${'b'.repeat(64)}', 'tham-dinh.json', 't');
               INSERT INTO appraisal_points (round_id, code, points_milli, request, deadline, survey) VALUES (1, '1.1', 250, 'explain', '2027-02-05', 0);
               INSERT INTO appraisal_responses (id, assessment_id, round, code, explanation, updated_at) VALUES (1, 1, 1, '1.1', 'Giải trình', 't');`);
      expect(() => db.exec(`INSERT INTO appraisal_rounds (assessment_id, round, file_hash, file_name, imported_at) VALUES (1, 1, '${'c'.repeat(64)}', 'x', 't')`)).toThrow(/UNIQUE/);
      expect(() => db.exec("INSERT INTO appraisal_points (round_id, code, request, survey) VALUES (1, '1.2', 'later', 0)")).toThrow(/CHECK/);
      expect(() => db.exec("INSERT INTO appraisal_response_documents (response_id, item_id, added, linked_at) VALUES (1, 404, 1, 't')")).toThrow(/FOREIGN KEY/);
    },
  },
  {
    version: 9,
    seed: (db) => {
      db.exec(`INSERT INTO agencies (id, name, level, place_name, signer_title, signer_name, created_at, updated_at) VALUES (1, 'SỞ NỘI VỤ', 'department', 'Đà Nẵng', 'GIÁM ĐỐC', 'A', 't', 't');
               INSERT INTO criteria_sets (hash, set_id, year, title, level, status, issuer, leaf_count, version, canonical_json, imported_at)
                 VALUES ('${'a'.repeat(64)}', 's', 2026, 'Bộ', 'department', 'sample', 'x', 1, 1, '{}', 't');
               INSERT INTO assessments (id, agency_id, year, set_hash, status, created_at, updated_at) VALUES
                 (1, 1, 2025, '${'a'.repeat(64)}', 'closed', 'c', 'u'), (2, 1, 2026, '${'a'.repeat(64)}', 'draft', 'c', 'u');
               INSERT INTO evidence_items (id, agency_id, doc_type, created_at, updated_at) VALUES (1, 1, 'plan', 't', 't');`);
    },
    check: (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM assessments').get()).toEqual({ n: 2 });
      db.exec(`INSERT INTO next_year_origins (assessment_id, source_assessment_id, corrections_json, created_at) VALUES (2, 1, '{"1.1":"1.2"}', 't')`);
      expect(() => db.exec(`INSERT INTO next_year_origins (assessment_id, source_assessment_id, corrections_json, created_at) VALUES (1, 1, '{}', 't')`)).toThrow(/CHECK/);
      db.exec(`INSERT INTO next_year_suggestions (assessment_id, code, source_code, kind, explanation) VALUES (2, '1.2', '1.1', 'explanation', 'Đã ban hành kế hoạch')`);
      db.exec(`INSERT INTO next_year_suggestions (assessment_id, code, source_code, kind, item_id) VALUES (2, '1.2', '1.1', 'link', 1)`);
      // A suggestion is either an explanation or a link, never both or neither.
      expect(() => db.exec(`INSERT INTO next_year_suggestions (assessment_id, code, source_code, kind, item_id, explanation) VALUES (2, '1.2', '1.1', 'link', 1, 'x')`)).toThrow(/CHECK/);
      expect(() => db.exec(`INSERT INTO next_year_suggestions (assessment_id, code, source_code, kind) VALUES (2, '1.2', '1.1', 'explanation')`)).toThrow(/CHECK/);
      expect(() => db.exec(`UPDATE next_year_suggestions SET state = 'maybe'`)).toThrow(/CHECK/);
      // Deleting the document takes its open link suggestions with it.
      db.exec('DELETE FROM evidence_items WHERE id = 1');
      expect(db.prepare('SELECT kind FROM next_year_suggestions').all()).toEqual([{ kind: 'explanation' }]);
    },
  },
];

describe('migrate', () => {
  it('brings an empty file to the latest version', () => {
    const db = openRaw(tmp.file('empty.sqlite'));
    expect(userVersion(db)).toBe(0);
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('has one migration case per migration', () => {
    expect(CASES.map((c) => c.version), 'add a MigrationCase (seed old rows, check new ones) for each new migration').toEqual(
      MIGRATIONS.map((m) => m.version),
    );
  });

  for (const c of CASES) {
    it(`migrates a version ${c.version - 1} database with its rows to version ${c.version}`, () => {
      runMigrationCase(tmp.file(`from-v${c.version - 1}.sqlite`), c);
    });
  }

  it('leaves user_version and the schema unchanged when a migration fails', () => {
    const bad: Migration = {
      version: LATEST_VERSION + 1,
      name: 'fails-halfway',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    const db = openRaw(tmp.file('bad.sqlite'));
    migrate(db);
    const before = schemaText(db);
    expect(() => migrate(db, bad.version, [...MIGRATIONS, bad])).toThrow('boom');
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(schemaText(db)).toBe(before);
    db.close();
  });

  it('rolls back a table-rebuild migration that breaks foreign keys', () => {
    const rebuild: Migration = {
      version: LATEST_VERSION + 1,
      name: 'orphans',
      foreignKeysOff: true,
      up: (db) => db.exec("INSERT INTO answers (assessment_id, code, updated_at) VALUES (404, '1', 'now')"),
    };
    const db = openRaw(tmp.file('fk.sqlite'));
    migrate(db);
    expect(() => migrate(db, rebuild.version, [...MIGRATIONS, rebuild])).toThrow('foreign-key');
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database newer than the list, a list with gaps, and going down', () => {
    const db = openRaw(tmp.file('misc.sqlite'));
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'DATABASE_TOO_NEW' }));
    expect(userVersion(db)).toBe(LATEST_VERSION + 1);
    db.pragma('user_version = 0');
    const gap: Migration = { version: LATEST_VERSION + 2, name: 'gap', up: () => {} };
    expect(() => migrate(db, undefined, [...MIGRATIONS, gap])).toThrow('out of order');
    migrate(db);
    expect(() => migrate(db, 0)).toThrow('forward');
    db.close();
  });
});

describe('schema snapshot guard', () => {
  function schemaAt(version: number, db: Database.Database): string {
    migrate(db, version);
    return schemaText(db);
  }

  for (const m of MIGRATIONS) {
    it(`schema after migration ${m.version} (${m.name}) matches test/fixtures/db/schema-v${m.version}.sql`, () => {
      const db = openRaw(tmp.file(`snap-${m.version}.sqlite`));
      const actual = schemaAt(m.version, db);
      db.close();
      const file = snapshotFile(m.version);
      if (!fs.existsSync(file)) {
        if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(file, actual);
        throw new Error(
          `No schema snapshot for migration ${m.version}. For a NEW migration run ` +
            '`UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run test/integration/store/migrations.test.ts`, ' +
            `review ${path.relative(process.cwd(), file)} and commit it.`,
        );
      }
      const expected = fs.readFileSync(file, 'utf8');
      expect(
        actual,
        `The schema produced by migrations 1..${m.version} differs from ${path.basename(file)}. ` +
          'A released migration must never be edited: revert your change to it and add a new migration ' +
          'file main/store/migrations/NNNN-name.ts (with its MigrationCase and its own snapshot) instead. ' +
          'Snapshots are never rewritten by the tool; only a new version gets a new file.',
      ).toBe(expected);
    });
  }
});
