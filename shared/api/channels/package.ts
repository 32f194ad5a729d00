/** Submission package channels (gói hồ sơ nộp Sở Nội vụ, format `par-package/v1`). Merged into the
 *  contract in shared/api/contract.ts. The renderer never hands main a path: a package the user
 *  picks is uploaded through a stream route that calls main/package/ directly; here it can
 *  only export one and verify a package it exported (by its plain file name in exports/). */
import { z } from 'zod';
import { out } from '../phantom';

export const PACKAGE_FORMAT = 'par-package/v1';
/** The response package ("gói giải trình"): for one appraisal round, the answers to the council's
 *  requests, the documents attached to them and the response .docx; verified as a full package is. */
export const RESPONSE_PACKAGE_FORMAT = 'par-response/v1';

const assessmentId = z.number().int().positive();

/** A plain file name in <data>/exports/: no folder part, no drive, no "..", ending in .zip. */
export const exportedPackageName = z
  .string()
  .min(5)
  .max(200)
  .regex(/^[^/\\:\0]+\.zip$/iu, 'Tên gói phải là tên tệp .zip, không kèm thư mục')
  .refine((name) => !name.startsWith('.'), 'Tên gói không được bắt đầu bằng dấu chấm');

export interface PackageExport {
  fileName: string;
  size: number;
  /** Path segment the web bridge serves, e.g. `exports/goi-tu-danh-gia-cchc-2026-snv.zip`. */
  downloadPath: string;
  /** The report inside is a draft ("DỰ THẢO") because the assessment is incomplete. */
  reportDraft: boolean;
  /** Distinct evidence files stored in the package. */
  evidenceFiles: number;
  evidenceBytes: number;
}

/** refused: the archive was rejected before any content was trusted (hostile or damaged);
 *  missing / extra / altered: files compared with the manifest; invalid: contents that do not agree. */
export type PackageProblemKind = 'refused' | 'missing' | 'extra' | 'altered' | 'invalid';

export interface PackageProblem {
  kind: PackageProblemKind;
  /** The entry concerned, when there is one. */
  path: string | null;
  /** Vietnamese, for the officer or the reviewer at Sở Nội vụ. */
  message: string;
}

/** Totals as written in the manifest: points with decimals (8.75), percent with 2 decimals. */
export interface PackageTotals {
  points: number;
  bonus: number;
  penalty: number;
  total: number;
  max: number;
  applicableMax: number;
  percent: number;
  className: string;
}

export interface PackageSummary {
  createdAt: string;
  appVersion: string;
  agencyName: string;
  year: number;
  setId: string;
  setTitle: string;
  setHash: string;
  /** Null for a response package (it carries no self-assessment totals). */
  totals: PackageTotals | null;
  /** A response package: the appraisal round it answers and how many requests it holds. */
  response: { round: number; requests: number } | null;
}

export interface VerifyReport {
  /** True only when every file matches the manifest and the contents agree. */
  ok: boolean;
  refused: boolean;
  /** From the manifest, when it could be read. */
  summary: PackageSummary | null;
  /** Files whose SHA-256 was recomputed, and their bytes. */
  checkedFiles: number;
  checkedBytes: number;
  missing: string[];
  extra: string[];
  altered: string[];
  problems: PackageProblem[];
}

export interface PackageImportResult {
  agencyId: number;
  assessmentId: number;
  setHash: string;
  /** Nothing in the database changed (the same package was imported before). */
  unchanged: boolean;
  created: { agency: boolean; criteriaSet: boolean; assessment: boolean; items: number; files: number; links: number; answers: number };
  /** The assessment existed with other answers and `overwrite` replaced them. */
  overwritten: boolean;
  /** The backup taken just before the import (backups/ folder): restoring it undoes the import. */
  undoBackup: string;
}

/** A response package ("gói giải trình") recorded into the assessment it answers for. */
export interface ResponseImportResult {
  agencyId: number;
  assessmentId: number;
  round: number;
  /** Nothing in the database changed (the same package was imported before). */
  unchanged: boolean;
  created: { items: number; files: number; explanations: number; links: number };
  /** The backup taken just before an import that changes something (restoring it undoes the
   *  import); null when the package changed nothing, so no backup was needed. */
  undoBackup: string | null;
}

/** What "Nhập gói" (`/upload/package?action=import`) returns: it recognises both kinds of package. */
export type PackageUploadImportResult = ({ kind: 'package' } & PackageImportResult) | ({ kind: 'response' } & ResponseImportResult);

export const packageChannels = {
  /** Writes the package under <data>/exports/ (streaming, atomic). */
  'package:export': { input: z.strictObject({ assessmentId }), output: out<PackageExport>() },
  /** "Kiểm tra gói" for a package in <data>/exports/. */
  'package:verifyExport': { input: z.strictObject({ fileName: exportedPackageName }), output: out<VerifyReport>() },
} as const;
