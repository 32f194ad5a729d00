import type Database from 'better-sqlite3';

/**
 * One schema step. `up` runs inside the transaction that also records `PRAGMA user_version =
 * version`, so a crash leaves the step either fully applied and recorded or not applied at all.
 * `up` must be synchronous and must not open its own transaction.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * Set for a step that rebuilds a table (create new, copy, drop old, rename): foreign keys are
   * switched off around the transaction (SQLite cannot switch them inside one), so DROP TABLE does
   * not cascade-delete child rows, and `PRAGMA foreign_key_check` must come back empty before commit.
   */
  readonly foreignKeysOff?: boolean;
  up(db: Database.Database): void;
}
