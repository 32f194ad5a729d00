/** Types of electron-native.mjs (plain Node ESM, used by `npm start` and the Electron E2E). */
import type { spawnSync as nodeSpawnSync } from 'node:child_process';

export interface ElectronTarget {
  electronVersion: string;
  abi: string;
  sqliteVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}
export type EnsureResult = { ok: true; bindingPath: string; built: boolean } | { ok: false; message: string };
export declare const NATIVE_FOLDER: string;
export declare const BINDING_ENV: string;
export declare function electronTarget(projectRoot: string, platform?: NodeJS.Platform, arch?: string): ElectronTarget | null;
export declare function nativeBuildDir(projectRoot: string, target: ElectronTarget): string;
export declare function bindingPath(projectRoot: string, target: ElectronTarget): string;
export declare function stampStatus(projectRoot: string, target: ElectronTarget): 'missing' | 'stale' | 'matching';
export declare function rebuildCommand(
  projectRoot: string,
  target: ElectronTarget,
  env?: NodeJS.ProcessEnv,
  execPath?: string,
): { command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv };
export declare function buildFailedMessage(target: ElectronTarget): string;
export declare function ensureElectronSqlite(options: {
  projectRoot: string;
  spawnSync: typeof nodeSpawnSync;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
}): EnsureResult;
