/** Opens the data folder for one run of the app (Electron, web or CLI): the database, the sample
 *  sets installed, and the context every handler receives. */
import fs from 'node:fs';
import type { HandlerContext } from './api/context';
import { installSampleSets } from './criteria/install-samples';
import { seedsDir } from './data-dir';
import { databasePath, openDatabase } from './store/open';
import { APP_VERSION } from './version';

export interface AppContext extends HandlerContext {
  close(): void;
}

export function createAppContext(opts: {
  dataDir: string;
  mode: HandlerContext['mode'];
  now?: () => string;
  installSamples?: boolean;
}): AppContext {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(databasePath(opts.dataDir));
  const now = opts.now ?? (() => new Date().toISOString());
  if (opts.installSamples !== false) installSampleSets(db, seedsDir(), now());
  return { db, dataDir: opts.dataDir, mode: opts.mode, version: APP_VERSION, now, close: () => db.close() };
}
