/** What the "Kiểm tra gói / Nhập gói" panel shows: idle, uploading, a result, a question, a failure. */
import type { PackageUploadImportResult, VerifyReport } from '../../../shared/api/channels/package';
import type { AppError } from '../../../shared/api/result';

export type PackageAction = 'verify' | 'import';

export type PanelState =
  | { kind: 'idle' }
  | { kind: 'sending'; action: PackageAction; loaded: number; total: number }
  /** Every byte is on the backend's disk; it is hashing (and importing). */
  | { kind: 'processing'; action: PackageAction }
  | { kind: 'verified'; report: VerifyReport }
  | { kind: 'imported'; result: PackageUploadImportResult }
  | { kind: 'confirm'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: AppError };

export function isBusy(state: PanelState): boolean {
  return state.kind === 'sending' || state.kind === 'processing';
}

export function percentOf(state: Extract<PanelState, { kind: 'sending' }>): number {
  return state.total === 0 ? 0 : Math.min(100, Math.floor((state.loaded / state.total) * 100));
}
