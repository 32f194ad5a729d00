/**
 * Which better-sqlite3 binary to load. Under Node (tests, CLI, web mode) the one in
 * node_modules, built for Node's ABI. Under Electron started from the repository (`npm start`,
 * the Electron E2E) the build for Electron's ABI named by PAR_SQLITE_BINDING
 * (main/bin/electron-native.mjs makes it); a packaged app has none set and loads its own copy,
 * rebuilt for Electron by electron-builder. Never the Electron build under Node, whatever the env.
 */
import Database from 'better-sqlite3';

export const SQLITE_BINDING_ENV = 'PAR_SQLITE_BINDING';

export function selectNativeBinding(versions: NodeJS.ProcessVersions, env: NodeJS.ProcessEnv): string | undefined {
  if (!versions.electron) return undefined;
  const binding = env[SQLITE_BINDING_ENV];
  return binding ? binding : undefined;
}

/** better-sqlite3 options with `nativeBinding` added when this runtime needs another binary. */
export function withNativeBinding(options: Database.Options, versions = process.versions, env = process.env): Database.Options {
  const nativeBinding = selectNativeBinding(versions, env);
  return nativeBinding ? { ...options, nativeBinding } : options;
}

/** The one place main/ opens a SQLite file: always with the binary this runtime needs (lint refuses
 *  `new Database(...)` anywhere else in main/). */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, withNativeBinding(options));
}
