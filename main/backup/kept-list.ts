/** The kept backups and moved-aside databases as the "Sao lưu và khôi phục" screen lists them. */
import fs from 'node:fs';
import path from 'node:path';
import type { KeptBackup, KeptBackupFolder } from '../../shared/api/channels/backups';
import { AppFailure } from '../../shared/api/result';
import { backupsDir, recoveryDir } from '../evidence/kept-databases';
import { backupContents } from './backup-contents';
import { inspectDatabaseFile, type DatabaseHealth, type DatabaseProblem } from './database-health';
import { parseBackupName } from './retention';

const PROBLEMS: Record<DatabaseProblem, string> = {
  missing: 'Không tìm thấy tệp.',
  empty: 'Tệp rỗng (0 byte).',
  'not-a-database': 'Không phải tệp dữ liệu của ứng dụng.',
  damaged: 'Tệp bị hỏng (không qua được bước kiểm tra toàn vẹn).',
  'too-new': 'Do phiên bản mới hơn của ứng dụng tạo ra: hãy cập nhật ứng dụng để khôi phục bản này.',
};

const NAME = /^par-[0-9a-z-]{1,80}\.sqlite$/;

const folderPath = (dataDir: string, folder: KeptBackupFolder): string => (folder === 'backups' ? backupsDir(dataDir) : recoveryDir(dataDir));

/** The file of a kept backup named by the screen: a plain name that must exist directly in its folder. */
export function keptFile(dataDir: string, folder: KeptBackupFolder, fileName: string): string {
  const dir = path.resolve(folderPath(dataDir, folder));
  const file = path.resolve(dir, fileName);
  if (!NAME.test(fileName) || path.dirname(file) !== dir) throw new AppFailure('FORBIDDEN', 'Tên bản sao lưu không hợp lệ.');
  if (!fs.existsSync(file)) throw new AppFailure('NOT_FOUND', `Không tìm thấy bản sao lưu "${fileName}".`);
  return file;
}

/** A backup never changes once written: its check is remembered by size and mtime. */
const checked = new Map<string, { stamp: string; health: DatabaseHealth }>();

function checkedHealth(file: string, stamp: string): DatabaseHealth {
  const hit = checked.get(file);
  if (hit?.stamp === stamp) return hit.health;
  let health: DatabaseHealth;
  try {
    health = inspectDatabaseFile(file);
  } catch {
    health = { ok: false, problem: 'damaged', detail: '' };
  }
  checked.set(file, { stamp, health });
  return health;
}

function describe(dataDir: string, folder: KeptBackupFolder, fileName: string): KeptBackup | null {
  const file = path.join(folderPath(dataDir, folder), fileName);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  if (!st.isFile()) return null;
  const parsed = folder === 'backups' ? parseBackupName(fileName) : null;
  if (folder === 'backups' && !parsed) return null;
  const health = checkedHealth(file, `${st.size}:${st.mtimeMs}`);
  return {
    fileName,
    folder,
    createdAt: new Date(parsed ? parsed.createdAtMs : st.mtimeMs).toISOString(),
    reason: parsed ? parsed.reason : 'recovered',
    size: st.size,
    restorable: health.ok,
    problem: health.ok ? null : PROBLEMS[health.problem],
    assessments: health.ok ? backupContents(file) : null,
  };
}

/** Newest first. */
export function listKeptBackups(dataDir: string): KeptBackup[] {
  const out: KeptBackup[] = [];
  for (const folder of ['backups', 'recovery'] as const) {
    let names: string[];
    try {
      names = fs.readdirSync(folderPath(dataDir, folder));
    } catch {
      continue;
    }
    for (const name of names.filter((n) => NAME.test(n))) {
      const entry = describe(dataDir, folder, name);
      if (entry) out.push(entry);
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}
