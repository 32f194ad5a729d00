/**
 * Recovery at start-up, before the database is opened for writing. A par.sqlite that is not a
 * database, fails its check, is newer than the app, or is missing (or empty) while evidence files
 * or backups show there was data, is MOVED ASIDE to <data>/recovery/ (never deleted: its -wal and
 * -shm go with it), a notice is written there, and the app starts on a new empty database that
 * deletes nothing it did not create (garbage.ts). The screens then offer the newest good backup.
 * A missing database in a folder with nothing else is simply a first start.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RecoveryNoticeView } from '../../shared/api/channels/backups';
import { blobsDir } from '../evidence/blob-store';
import { backupsDir, recoveryDir } from '../evidence/kept-databases';
import { databasePath } from '../store/open';
import { finishInterruptedWrite, inspectDatabaseFile, isInterruptedWrite, type DatabaseHealth, type DatabaseProblem } from './database-health';
import { fsyncPathSync } from '../disk/fsync';

export interface RecoveryNotice {
  problem: DatabaseProblem;
  detail: string;
  /** The name the damaged file got under recovery/, or null when there was no file to keep. */
  movedTo: string | null;
  at: string;
}

const NOTICE_FILE = 'recovery-notice.json';
const noticePath = (dataDir: string): string => path.join(recoveryDir(dataDir), NOTICE_FILE);

function hasEntries(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((n) => !n.startsWith('.'));
  } catch {
    return false;
  }
}

function writeFileDurably(file: string, text: string): void {
  const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fsyncPathSync(path.dirname(file));
}

/** par.sqlite and its -wal/-shm to recovery/par-<stamp>-<problem>.sqlite(-wal, -shm). */
function moveAside(dataDir: string, problem: DatabaseProblem, now: string): string {
  const dir = recoveryDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.replace(/\.\d+Z$|Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  let name = `par-${stamp}-${problem}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `par-${stamp}-${problem}-${n}.sqlite`;
  const db = databasePath(dataDir);
  // The companions first: a -wal left beside a new database would be replayed into it.
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(db + suffix)) fs.renameSync(db + suffix, path.join(dir, name + suffix));
  fs.renameSync(db, path.join(dir, name));
  fsyncPathSync(dir);
  fsyncPathSync(dataDir);
  return name;
}

export interface StartupCheck {
  /** Set when par.sqlite could not be used and was moved aside (or was missing while data exists). */
  notice: RecoveryNotice | null;
  /** The schema version of a healthy existing database (0 for a new one): below the newest, it is backed up before migrating. */
  version: number;
}

/** The check, after letting SQLite finish a write that a power cut or a kill interrupted (the
 *  read-only check cannot roll back a hot journal, and the crash is not damage). */
function inspectAfterCrash(file: string): DatabaseHealth {
  try {
    return inspectDatabaseFile(file);
  } catch (err) {
    if (!isInterruptedWrite(err)) throw err;
    finishInterruptedWrite(file);
    return inspectDatabaseFile(file);
  }
}

/** Checks par.sqlite and moves it aside when the app cannot run on it. */
export function recoverDatabaseAtStartup(dataDir: string, now: string): StartupCheck {
  const health = inspectAfterCrash(databasePath(dataDir));
  if (health.ok) return { notice: null, version: health.version };
  const firstStart = (health.problem === 'missing' || health.problem === 'empty') && !hasEntries(blobsDir(dataDir)) && !hasEntries(backupsDir(dataDir));
  if (firstStart) return { notice: null, version: 0 };
  const movedTo = health.problem === 'missing' ? null : moveAside(dataDir, health.problem, now);
  const notice: RecoveryNotice = { problem: health.problem, detail: health.detail, movedTo, at: now };
  fs.mkdirSync(recoveryDir(dataDir), { recursive: true });
  writeFileDurably(noticePath(dataDir), `${JSON.stringify(notice, null, 2)}\n`);
  return { notice, version: 0 };
}

/** The notice of the last recovery, until the officer restores a backup or chooses to go on. */
export function pendingRecovery(dataDir: string): RecoveryNotice | null {
  try {
    return JSON.parse(fs.readFileSync(noticePath(dataDir), 'utf8')) as RecoveryNotice;
  } catch {
    return null;
  }
}

export function dismissRecovery(dataDir: string): void {
  fs.rmSync(noticePath(dataDir), { force: true });
}

const PROBLEM_TEXT: Record<DatabaseProblem, string> = {
  missing: 'Không tìm thấy tệp dữ liệu par.sqlite, trong khi thư mục vẫn còn tài liệu kiểm chứng hoặc bản sao lưu',
  empty: 'Tệp dữ liệu par.sqlite rỗng (0 byte), có thể do mất điện hoặc sao chép dở dang',
  'not-a-database': 'Tệp par.sqlite không phải là tệp dữ liệu của ứng dụng',
  damaged: 'Tệp dữ liệu par.sqlite bị hỏng',
  'too-new': 'Tệp dữ liệu par.sqlite do một phiên bản mới hơn của ứng dụng tạo ra',
};

/** One Vietnamese paragraph: what happened, what was kept, what to do. */
export function describeRecovery(n: RecoveryNotice): string {
  const kept = n.movedTo ? ` Tệp cũ đã được cất nguyên vẹn tại recovery/${n.movedTo} (không bị xóa).` : '';
  return `${PROBLEM_TEXT[n.problem]} (${n.detail}).${kept} Ứng dụng đã mở với dữ liệu trống; tài liệu kiểm chứng vẫn còn nguyên. Hãy khôi phục từ bản sao lưu gần nhất còn tốt.`;
}

/** The pending notice as the screens show it, or null. */
export function recoveryNoticeView(dataDir: string): RecoveryNoticeView | null {
  const n = pendingRecovery(dataDir);
  return n ? { problem: n.problem, message: describeRecovery(n), movedTo: n.movedTo, at: n.at } : null;
}
