/**
 * The ordered list of schema migrations and the runner. Each step runs in one transaction that
 * also records `PRAGMA user_version`; a database newer than the newest step is refused untouched.
 * Append a new file (0002-….ts) for every change; a released migration is never edited.
 */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/api/result';
import type { Migration } from './types';
import m0001 from './0001-initial';
import m0002 from './0002-evidence-and-report';
import m0003 from './0003-evidence-search-order';
import m0004 from './0004-blob-journal';
import m0005 from './0005-agency-ordinary-name';
import m0006 from './0006-lifecycle-and-history';
import m0007 from './0007-criteria-drafts';
import m0008 from './0008-appraisal';
import m0009 from './0009-next-year-suggestions';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009];

export const LATEST_VERSION: number = MIGRATIONS.length;

export function tooNewFailure(version: number): AppFailure {
  return new AppFailure(
    'DATABASE_TOO_NEW',
    `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu ${version}). ` +
      'Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.',
  );
}

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Versions must be 1, 2, 3, … in order: a gap or a duplicate is a programming error. */
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration list out of order: position ${i + 1} holds version ${m.version} (${m.name}).`);
    }
  });
}

function foreignKeyProblems(db: Database.Database): number {
  return (db.pragma('foreign_key_check') as unknown[]).length;
}

function applyOne(db: Database.Database, m: Migration): void {
  const step = db.transaction(() => {
    m.up(db);
    if (m.foreignKeysOff && foreignKeyProblems(db) > 0) {
      throw new Error(`Migration ${m.version} (${m.name}) left foreign-key violations.`);
    }
    db.pragma(`user_version = ${m.version}`);
  });
  if (!m.foreignKeysOff) {
    step();
    return;
  }
  const before = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    step();
  } finally {
    db.pragma(`foreign_keys = ${before ? 'ON' : 'OFF'}`);
  }
}

/**
 * Bring `db` from its `user_version` up to `target` (default: the newest). Returns the versions
 * applied. Throws `DATABASE_TOO_NEW` for a database from a newer app, before any write.
 * `migrations` is injectable for tests only.
 */
export function migrate(
  db: Database.Database,
  target: number = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  checkOrder(migrations);
  const current = userVersion(db);
  if (current > migrations.length) throw tooNewFailure(current);
  if (!Number.isInteger(target) || target < 0 || target > migrations.length) {
    throw new Error(`Unknown migration target ${target}; the newest is ${migrations.length}.`);
  }
  if (target < current) {
    throw new Error(`Cannot migrate down from ${current} to ${target}: migrations only go forward.`);
  }
  const pending = migrations.slice(current, target);
  for (const m of pending) applyOne(db, m);
  return pending.map((m) => m.version);
}
