/** "Khôi phục từ tệp" and "Chọn thư mục dữ liệu" in the running app, on real folders: a real app
 *  context (with the folder's OS lock, as the web mode takes it) driven through the real dispatch
 *  and the real upload route. Restoring and moving switch the app to the new folder with its lock
 *  held, record it in the settings file and leave the old folder as it was; every refusal (not an
 *  archive, a package, a damaged entry, a folder not empty, a relative path) changes nothing. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveInspection } from '../../../shared/api/channels/data-folder';
import type { Channel, InputOf, OutputOf } from '../../../shared/api/contract';
import type { AppError, Result } from '../../../shared/api/result';
import { dispatch } from '../../../main/api/dispatch';
import { createHandlerRegistry } from '../../../main/api/registry';
import { writeDataArchive } from '../../../main/backup/write-archive';
import { MOVED_NOTE } from '../../../main/backup/move-data-folder';
import { blobPath } from '../../../main/evidence/blob-store';
import { createAppContext, type AppContext } from '../../../main/startup/app-context';
import { acquireDataLock } from '../../../main/startup/data-lock';
import { readChosenDataDir } from '../../../main/startup/data-folder-choice';
import { databasePath } from '../../../main/store/open';
import { uploadDataArchive } from '../../../main/transfer/data-archive-upload';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { dumpTables, packagedAssessment, sha256File, type PackagedAssessment } from '../../helpers/package-fixture';
import { writeRawZip, type RawEntry } from '../../helpers/package-raw-zip';
import { listZipEntries, readZipEntry } from '../../helpers/zip-read';

const registry = createHandlerRegistry();
let source: Harness;
let packaged: PackagedAssessment;
let root: string;
let archive: string;
let sourceTables: string;
let blobHashes: string[];
const open: AppContext[] = [];

const tablesOf = (file: string): string => {
  const db = new Database(file, { readonly: true });
  try {
    const t = dumpTables(db);
    delete t.backups;
    delete t.blob_journal;
    return crypto.createHash('sha256').update(JSON.stringify(t)).digest('hex');
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  source = createHarness();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'par-folder-app-'));
  packaged = await packagedAssessment(source, { agencyName: 'SỞ NỘI VỤ' });
  archive = path.join(root, 'toan-bo.zip');
  await writeDataArchive(source.ctx.db, source.dataDir, source.ctx.now(), archive);
  source.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  sourceTables = tablesOf(databasePath(source.dataDir));
  blobHashes = source.ctx.db.prepare('SELECT DISTINCT blob_hash FROM evidence_files ORDER BY 1').pluck().all() as string[];
});
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.close();
});
afterAll(() => {
  source.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A running app (web mode: it holds the folder's lock) on a fresh folder, with its own settings file. */
function runningApp(): { ctx: AppContext; env: NodeJS.ProcessEnv; dataDir: string } {
  const base = fs.mkdtempSync(path.join(root, 'may-'));
  const env: NodeJS.ProcessEnv = { XDG_CONFIG_HOME: path.join(base, 'config'), PAR_DATA_DIR: '' };
  const dataDir = path.join(base, 'du-lieu');
  const ctx = createAppContext({ dataDir, mode: 'web', env, installSamples: false });
  open.push(ctx);
  return { ctx, env, dataDir };
}

async function call<C extends Channel>(ctx: AppContext, channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  return (await dispatch(registry, ctx, channel, input)) as Result<OutputOf<C>>;
}

async function ok<C extends Channel>(ctx: AppContext, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await call(ctx, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function* chunks(file: string): AsyncGenerator<Uint8Array> {
  for await (const c of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) yield c as Buffer;
}

const upload = (ctx: AppContext, file: string) => uploadDataArchive(ctx, new URLSearchParams({ name: path.basename(file) }), chunks(file), new AbortController().signal);

function tampered(name: string, edit: (entries: RawEntry[]) => RawEntry[]): string {
  const zip = fs.readFileSync(archive);
  const entries = listZipEntries(zip).map((e): RawEntry => ({ name: e.name, data: readZipEntry(zip, e.name), method: e.method }));
  const file = path.join(root, name);
  fs.writeFileSync(file, writeRawZip(edit(entries)));
  return file;
}

const lockIsHeld = (dir: string): boolean => {
  try {
    acquireDataLock(dir, 'cli')();
    return false;
  } catch {
    return true;
  }
};

const incoming = (dataDir: string): string[] => (fs.existsSync(path.join(dataDir, 'incoming')) ? fs.readdirSync(path.join(dataDir, 'incoming')) : []);

describe('Khôi phục từ tệp in the app', () => {
  it('verifies an uploaded archive, shows what it holds, restores it into a new folder and switches the app to it', async () => {
    const app = runningApp();
    const before = tablesOf(databasePath(app.dataDir));
    const r = await upload(app.ctx, archive);
    expect(r.ok).toBe(true);
    const seen = (r as { value: ArchiveInspection }).value;
    expect(seen).toMatchObject({ fileName: 'toan-bo.zip', agencies: ['SỞ NỘI VỤ'], assessments: [{ agencyName: 'SỞ NỘI VỤ', year: 2026, status: 'draft' }], evidenceFiles: blobHashes.length });
    expect(seen.suggestedTarget).toBe(`${app.dataDir}-khoi-phuc`);

    const target = path.join(path.dirname(app.dataDir), 'du-lieu-khoi-phuc');
    const done = await ok(app.ctx, 'dataArchive:restore', { archiveId: seen.archiveId, target });
    expect(done).toMatchObject({ dataDir: target, previousDir: app.dataDir, evidenceFiles: blobHashes.length, envOverride: null });
    expect(app.ctx.dataDir).toBe(target);
    expect(tablesOf(databasePath(target))).toBe(sourceTables);
    for (const hash of blobHashes) expect(sha256File(blobPath(target, hash))).toBe(hash);
    // The app now works on the restored data, holds the new folder's lock, and the choice is recorded.
    expect((await ok(app.ctx, 'assessments:list', { agencyId: packaged.agencyId })).assessments).toHaveLength(1);
    expect(lockIsHeld(target)).toBe(true);
    expect(lockIsHeld(app.dataDir)).toBe(false);
    expect(readChosenDataDir(app.env)).toBe(target);
    expect(done.settingsFile).toBe(path.join(app.env.XDG_CONFIG_HOME!, 'par-self-assessment.settings.json'));
    // The old folder: its data as it was, the uploaded copy gone.
    expect(tablesOf(databasePath(app.dataDir))).toBe(before);
    expect(incoming(app.dataDir)).toEqual([]);
    expect((await call(app.ctx, 'dataArchive:restore', { archiveId: seen.archiveId, target: `${target}-2` })).ok).toBe(false);
  });

  const refusals: [string, () => string, RegExp][] = [
    ['a file that is not an archive', () => (fs.writeFileSync(path.join(root, 'ghi-chu.zip'), 'không phải zip'), path.join(root, 'ghi-chu.zip')), /^Tệp sao lưu bị từ chối, không có gì được ghi: .*zip/],
    [
      'a damaged entry',
      () =>
        tampered('hong.zip', (es) => {
          const b = es.find((e) => String(e.name).startsWith('evidence/blobs/'))!;
          const data = Buffer.from(b.data!);
          data.writeUInt8(data.readUInt8(0) ^ 0xff, 0);
          b.data = data;
          return es;
        }),
      /^Tệp sao lưu bị từ chối.*mã SHA-256 tính lại không khớp/,
    ],
    ['a path that tries to leave the folder', () => tampered('thoat.zip', (es) => [...es, { name: '../ngoai.txt', data: Buffer.from('x') }]), /^Tệp sao lưu bị từ chối.*"\.\."/],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses ${what} in Vietnamese, keeping nothing and changing nothing`, async () => {
      const app = runningApp();
      const before = tablesOf(databasePath(app.dataDir));
      const r = await upload(app.ctx, make());
      expect(r.ok).toBe(false);
      expect((r as { error: AppError }).error.message).toMatch(message);
      expect(incoming(app.dataDir)).toEqual([]);
      expect(app.ctx.dataDir).toBe(app.dataDir);
      expect(tablesOf(databasePath(app.dataDir))).toBe(before);
    });
  }

  it('tells a submission package apart', async () => {
    const app = runningApp();
    const exported = await source.call('package:export', { assessmentId: packaged.assessmentId });
    const r = await upload(app.ctx, path.join(source.dataDir, exported.downloadPath));
    expect((r as { error: AppError }).error.message).toMatch(/là gói hồ sơ nộp Sở Nội vụ.*Nhập gói/);
    expect(incoming(app.dataDir)).toEqual([]);
  });

  it('refuses a folder that is not empty, the current folder, a folder inside it and a relative path, and stays where it was', async () => {
    const app = runningApp();
    const seen = (await upload(app.ctx, archive)) as { value: ArchiveInspection };
    const busy = fs.mkdtempSync(path.join(root, 'co-tep-'));
    fs.writeFileSync(path.join(busy, 'cua-toi.txt'), 'x');
    const cases: [string, RegExp][] = [
      [busy, /không trống.*không có gì bị thay đổi/],
      [app.dataDir, /không trống/],
      [path.join(app.dataDir, 'con'), /nằm bên trong thư mục dữ liệu hiện tại/],
      ['du-lieu-moi', /không phải đường dẫn đầy đủ/],
    ];
    for (const [target, message] of cases) {
      const r = await call(app.ctx, 'dataArchive:restore', { archiveId: seen.value.archiveId, target });
      expect(r.ok).toBe(false);
      expect((r as { error: AppError }).error.message).toMatch(message);
    }
    expect(fs.readdirSync(busy)).toEqual(['cua-toi.txt']);
    expect(app.ctx.dataDir).toBe(app.dataDir);
    expect(readChosenDataDir(app.env)).toBeNull();
    expect(lockIsHeld(app.dataDir)).toBe(true);
    // Changing one's mind removes the uploaded copy.
    expect(await ok(app.ctx, 'dataArchive:discard', { archiveId: seen.value.archiveId })).toEqual({ discarded: true });
    expect(incoming(app.dataDir)).toEqual([]);
  });
});

describe('Chọn thư mục dữ liệu in the app', () => {
  it('shows the folder and its size, moves it with progress while keeping other requests out, then works on the new folder', async () => {
    const app = runningApp();
    const info = await ok(app.ctx, 'dataFolder:info', {});
    expect(info).toMatchObject({ dataDir: app.dataDir, canPickFolder: false, envOverride: null });
    expect(info.sizeBytes).toBeGreaterThan(0);
    const before = tablesOf(databasePath(app.dataDir));
    const target = path.join(path.dirname(app.dataDir), 'o-d', 'PAR');

    const moving = call(app.ctx, 'dataFolder:move', { target });
    const during = await call(app.ctx, 'agencies:list', {});
    expect(during.ok).toBe(false);
    expect((during as { error: AppError }).error.message).toMatch(/đang chuyển dữ liệu sang thư mục mới/);
    expect((await ok(app.ctx, 'dataFolder:progress', {})).job).toMatchObject({ kind: 'move' });
    const moved = await moving;
    expect(moved.ok).toBe(true);
    const value = (moved as { value: OutputOf<'dataFolder:move'> }).value;
    expect(value).toMatchObject({ dataDir: target, previousDir: app.dataDir });
    expect(app.ctx.dataDir).toBe(target);
    expect((await ok(app.ctx, 'dataFolder:progress', {})).job).toBeNull();
    expect((await ok(app.ctx, 'dataFolder:info', {})).dataDir).toBe(target);
    expect(tablesOf(databasePath(target))).toBe(before);
    expect(lockIsHeld(target)).toBe(true);
    expect(lockIsHeld(app.dataDir)).toBe(false);
    expect(readChosenDataDir(app.env)).toBe(target);
    expect(fs.readFileSync(path.join(app.dataDir, MOVED_NOTE), 'utf8')).toContain(target);
    expect(tablesOf(databasePath(app.dataDir))).toBe(before);
    expect((await call(app.ctx, 'agencies:list', {})).ok).toBe(true);
  });

  it('refuses a folder that is not empty, a relative path and a folder inside the current one, changing nothing', async () => {
    const app = runningApp();
    const busy = fs.mkdtempSync(path.join(root, 'co-tep-'));
    fs.writeFileSync(path.join(busy, 'cua-toi.txt'), 'x');
    for (const [target, message] of [
      [busy, /không trống/],
      ['PAR', /không phải đường dẫn đầy đủ/],
      [path.join(app.dataDir, 'con'), /nằm bên trong thư mục dữ liệu hiện tại/],
      [app.dataDir, /là thư mục dữ liệu hiện tại/],
    ] as const) {
      const r = await call(app.ctx, 'dataFolder:move', { target });
      expect((r as { error: AppError }).error.message).toMatch(message);
    }
    expect(app.ctx.dataDir).toBe(app.dataDir);
    expect(readChosenDataDir(app.env)).toBeNull();
    expect(fs.readdirSync(busy)).toEqual(['cua-toi.txt']);
    expect(fs.existsSync(path.join(app.dataDir, MOVED_NOTE))).toBe(false);
  });
});
