/**
 * Before a migration changes an existing database, a copy of it as it was goes to backups/
 * (reason "before-upgrade"): a new app version that turns out wrong can be undone by restoring it.
 * Start-up is synchronous, so the copy is `VACUUM INTO` from a read-only connection (a consistent
 * snapshot, WAL included), then fsynced and renamed into place; VACUUM INTO alone does not fsync.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../store/native-binding';
import { backupsDir } from '../evidence/kept-databases';
import { fsyncPathSync } from '../disk/fsync';

export function backupBeforeUpgrade(dbFile: string, dataDir: string, now: string): string {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.replace(/\.\d+Z$|Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  let name = `par-${stamp}-before-upgrade.sqlite`;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `par-${stamp}-${n}-before-upgrade.sqlite`;
  const temp = path.join(dir, `.${crypto.randomBytes(8).toString('hex')}.sqlite.part`);
  const source = openSqlite(dbFile, { readonly: true, fileMustExist: true });
  try {
    source.prepare('VACUUM INTO ?').run(temp);
  } finally {
    source.close();
  }
  fsyncPathSync(temp);
  fs.renameSync(temp, path.join(dir, name));
  fsyncPathSync(dir);
  return name;
}
