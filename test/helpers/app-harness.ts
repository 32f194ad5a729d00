/** A real app context on a fresh temp data folder, driven through the real dispatch. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel, InputOf, OutputOf } from '../../shared/api/contract';
import type { AgencyDraft } from '../../shared/api/entities';
import type { AppError } from '../../shared/api/result';
import { dispatch } from '../../main/api/dispatch';
import { createHandlerRegistry } from '../../main/api/registry';
import { createAppContext, type AppContext } from '../../main/app-context';

export interface Harness {
  dataDir: string;
  ctx: AppContext;
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  fail(channel: Channel, input: unknown): Promise<AppError>;
  /** Close the database and open the same data folder again (quit and restart the app). */
  reopen(): void;
  dispose(): void;
}

export function agencyDraft(overrides: Partial<AgencyDraft> = {}): AgencyDraft {
  return {
    superiorBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG',
    name: 'SỞ NỘI VỤ',
    ordinaryName: '',
    abbreviation: 'SNV',
    level: 'department',
    placeName: 'Đà Nẵng',
    signerAuthority: 'KT. GIÁM ĐỐC',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerName: 'Nguyễn Văn An',
    officerName: 'Trần Thị Bình',
    officerContact: '0236 3822 000',
    ...overrides,
  };
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
