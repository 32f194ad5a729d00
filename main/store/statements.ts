/** A small prepared-statement cache per connection: no module-level database, only a WeakMap
 *  keyed by the handle, so a closed and collected connection takes its statements with it. */
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

/** SQLite's extended result code of a better-sqlite3 error ("SQLITE_CONSTRAINT_UNIQUE", …), if any. */
export function sqliteCode(err: unknown): string | undefined {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('SQLITE_')) {
    return err.code;
  }
  return undefined;
}

export const isUniqueViolation = (err: unknown): boolean =>
  sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE' || sqliteCode(err) === 'SQLITE_CONSTRAINT_PRIMARYKEY';
export const isForeignKeyViolation = (err: unknown): boolean => sqliteCode(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY';
