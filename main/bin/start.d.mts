/** Types of start.mjs (`npm start`), for its test. */
import type { ChildProcess, spawn as nodeSpawn, spawnSync as nodeSpawnSync } from 'node:child_process';

export declare function runStart(options?: {
  projectRoot?: string;
  env?: NodeJS.ProcessEnv;
  args?: string[];
  spawn?: typeof nodeSpawn;
  spawnSync?: typeof nodeSpawnSync;
  error?: (message: string) => void;
}): { status: number; child?: undefined } | { child: ChildProcess; status?: undefined };
