/** Backups and restore ("Sao lưu và khôi phục"), and the recovery notice after a damaged start.
 *  Merged into the contract in contract.ts. */
import { z } from 'zod';
import { out } from '../phantom';
import type { AssessmentView } from '../contract';

export type KeptBackupFolder = 'backups' | 'recovery';

/** One assessment as it stood in a backup. */
export interface BackupAssessment {
  /** Its id inside that backup (for "Xem"). */
  assessmentId: number;
  agencyName: string;
  year: number;
  status: string;
  percent: number;
  className: string;
  answeredCount: number;
  leafCount: number;
}

export interface KeptBackup {
  fileName: string;
  folder: KeptBackupFolder;
  /** ISO time the copy was taken (from its name), or the file's time for a moved-aside database. */
  createdAt: string;
  /** manual, auto, exit, before-import, before-restore, before-status, before-upgrade; 'recovered' for a moved-aside database. */
  reason: string;
  size: number;
  /** Passes integrity_check and this app can open it. */
  restorable: boolean;
  /** Why it cannot be restored, in Vietnamese. */
  problem: string | null;
  /** What it holds; null when it cannot be read. */
  assessments: BackupAssessment[] | null;
}

/** A document linked to a criterion in a backup, as the read-only view lists it. */
export interface BackupDocument {
  label: string;
  fileNames: string[];
}

/** One assessment of a backup, read-only: the same view the workspace builds, and the documents per criterion. */
export interface BackupAssessmentDetail {
  fileName: string;
  view: AssessmentView;
  documents: Record<string, BackupDocument[]>;
}

export interface RecoveryNoticeView {
  problem: string;
  message: string;
  movedTo: string | null;
  at: string;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The backup of the state just before the restore (undo the restore by restoring it). */
  safetyBackup: string;
}

const keptRef = z.strictObject({
  folder: z.enum(['backups', 'recovery']),
  fileName: z.string().regex(/^par-[0-9a-z-]{1,80}\.sqlite$/, 'Tên bản sao lưu không hợp lệ'),
});

export const backupChannels = {
  /** Every kept backup and moved-aside database, newest first, with what each holds. */
  'backups:list': { input: z.strictObject({}), output: out<{ backups: KeptBackup[]; recovery: RecoveryNoticeView | null; dataDir: string }>() },
  /** Backs the current state up, then replaces the database with the chosen copy (atomic). */
  'backups:restore': { input: keptRef, output: out<RestoreResult>() },
  /** One assessment of a kept backup, read-only (nothing is restored or changed). */
  'backups:view': { input: keptRef.extend({ assessmentId: z.number().int().positive() }), output: out<BackupAssessmentDetail>() },
  /** The officer goes on with the empty database instead of restoring (the moved-aside file stays). */
  'backups:dismissRecovery': { input: z.strictObject({}), output: out<{ dismissed: true }>() },
} as const;
