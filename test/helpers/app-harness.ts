/** A real app context on a fresh temp data folder, driven through the real dispatch. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel, InputOf, OutputOf } from '../../shared/api/contract';
import type { AppError } from '../../shared/api/result';
import { dispatch } from '../../main/api/dispatch';
import { createHandlerRegistry } from '../../main/api/registry';
import { createAppContext, type AppContext } from '../../main/startup/app-context';
import { databasePath } from '../../main/store/open';
import { startBackendWebServer } from '../../main/web/backend-server';
import type { RunningWebServer } from '../../main/web/server';

export interface Harness {
  dataDir: string;
  ctx: AppContext;
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  fail(channel: Channel, input: unknown): Promise<AppError>;
  /** Close the database and open the same data folder again (quit and restart the app). */
  reopen(): void;
  dispose(): void;
}

export function createHarness(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-it-'))): Harness {
  const registry = createHandlerRegistry();
  let clock = Date.UTC(2026, 10, 27, 8, 0, 0);
  const now = (): string => new Date((clock += 1000)).toISOString();
  const harness: Harness = {
    dataDir,
    ctx: createAppContext({ dataDir, mode: 'test', now }),
    async call(channel, input) {
      const r = await dispatch(registry, harness.ctx, channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async fail(channel, input) {
      const r = await dispatch(registry, harness.ctx, channel, input);
      if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return r.error;
    },
    reopen() {
      harness.ctx.close();
      harness.ctx = createAppContext({ dataDir, mode: 'test', now });
    },
    dispose() {
      harness.ctx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The real web bridge over the harness's context, serving a one-line page (port chosen by the system). */
export async function startBridge(h: Harness): Promise<RunningWebServer> {
  const staticDir = fs.mkdtempSync(path.join(h.dataDir, 'static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  return startBackendWebServer(h.ctx, { port: 0, staticDir });
}


/** SHA-256 of the database file after a WAL checkpoint: equal before and after means nothing was written. */
export function databaseFileHash(h: Harness): string {
  h.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  return crypto.createHash('sha256').update(fs.readFileSync(databasePath(h.dataDir))).digest('hex');
}

/** Runs `fn` against a harness of its own (a fresh data folder), removed afterwards whatever happens. */
export async function withFreshHarness<T>(fn: (h: Harness) => Promise<T>): Promise<T> {
  const h = createHarness();
  try {
    return await fn(h);
  } finally {
    h.dispose();
  }
}
