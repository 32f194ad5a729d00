/** The running app switching folders, the edges: the desktop pickers (ctx seam) for the archive and
 *  the folder; a new folder whose lock another process holds (nothing switches, no settings file);
 *  requests in flight finish before a move starts; not enough space on the target's disk (a real
 *  small tmpfs), refused in Vietnamese with nothing changed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, InputOf } from '../../../shared/api/contract';
import type { AppError, Result } from '../../../shared/api/result';
import { dispatch } from '../../../main/api/dispatch';
import { createHandlerRegistry } from '../../../main/api/registry';
import { oneAtATime } from '../../../main/backup/one-at-a-time';
import { writeDataArchive } from '../../../main/backup/write-archive';
import { createAppContext, type AppContext } from '../../../main/startup/app-context';
import { acquireDataLock } from '../../../main/startup/data-lock';
import { readChosenDataDir } from '../../../main/startup/data-folder-choice';
import { databasePath } from '../../../main/store/open';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { packagedAssessment } from '../../helpers/package-fixture';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../../helpers/small-disk';

const registry = createHandlerRegistry();
let source: Harness;
let root: string;
let archive: string;
const open: AppContext[] = [];
let disk: SmallDisk | undefined;

const why = smallDiskUnavailable('not-enough-space tests');

beforeAll(async () => {
  source = createHarness();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'par-folder-switch-'));
  await packagedAssessment(source);
  archive = path.join(root, 'toan-bo.zip');
  await writeDataArchive(source.ctx.db, source.dataDir, source.ctx.now(), archive);
});
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.close();
  disk?.unmount();
  disk = undefined;
});
afterAll(() => {
  source.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

function runningApp(): { ctx: AppContext; env: NodeJS.ProcessEnv; dataDir: string } {
  const base = fs.mkdtempSync(path.join(root, 'may-'));
  const env: NodeJS.ProcessEnv = { XDG_CONFIG_HOME: path.join(base, 'config'), PAR_DATA_DIR: '' };
  const dataDir = path.join(base, 'du-lieu');
  const ctx = createAppContext({ dataDir, mode: 'electron', env, installSamples: false });
  open.push(ctx);
  return { ctx, env, dataDir };
}

async function call<C extends Channel>(ctx: AppContext, channel: C, input: InputOf<C>): Promise<Result<unknown>> {
  return dispatch(registry, ctx, channel, input);
}
const messageOf = (r: Result<unknown>): string => (r.ok ? 'ok' : (r as { error: AppError }).error.message);

describe('switching the running app to another folder', () => {
  it('desktop: the archive and the folder come from the system pickers; the picked archive is left where it was', async () => {
    const app = runningApp();
    const target = path.join(root, 'chon-bang-hop-thoai');
    app.ctx.desktop = { openPath: () => Promise.resolve(''), pickEvidenceFiles: () => Promise.resolve([]), pickDataArchive: () => Promise.resolve(archive), pickFolder: () => Promise.resolve(target) };
    const info = (await call(app.ctx, 'dataFolder:info', {})) as { value: { canPickFolder: boolean } };
    expect(info.value.canPickFolder).toBe(true);
    const picked = (await call(app.ctx, 'dataFolder:pickFolder', {})) as { value: { path: string } };
    expect(picked.value.path).toBe(target);
    const seen = (await call(app.ctx, 'dataArchive:pick', {})) as { value: { archive: { archiveId: string; fileName: string; evidenceFiles: number } } };
    expect(seen.value.archive).toMatchObject({ fileName: 'toan-bo.zip' });
    expect(seen.value.archive.evidenceFiles).toBeGreaterThan(2);
    const r = await call(app.ctx, 'dataArchive:restore', { archiveId: seen.value.archive.archiveId, target: picked.value.path });
    expect(messageOf(r)).toBe('ok');
    expect(app.ctx.dataDir).toBe(target);
    expect(fs.existsSync(archive)).toBe(true);
  });

  it('web mode has no pickers: it says to upload the file or type the folder', async () => {
    const app = runningApp();
    expect(messageOf(await call(app.ctx, 'dataArchive:pick', {}))).toMatch(/chế độ trình duyệt hãy chọn tệp để tải lên/);
    expect(messageOf(await call(app.ctx, 'dataFolder:pickFolder', {}))).toMatch(/chế độ trình duyệt hãy gõ đường dẫn/);
  });

  it('a new folder whose lock another process holds: the app stays where it was and nothing is recorded', async () => {
    const app = runningApp();
    // A copied data folder that a `par` command holds: the switch is refused before anything changes.
    const copy = path.join(root, 'ban-chep');
    fs.mkdirSync(copy);
    fs.copyFileSync(databasePath(app.dataDir), databasePath(copy));
    const held = acquireDataLock(copy, 'cli');
    try {
      await expect(app.ctx.folder!.switchTo(copy)).rejects.toThrow(/đang được lệnh par .* sử dụng/);
    } finally {
      held();
    }
    expect(app.ctx.dataDir).toBe(app.dataDir);
    expect(app.ctx.db.open).toBe(true);
    expect(readChosenDataDir(app.env)).toBeNull();
  });

  it('a move waits for a request in flight, and refuses new ones until it is done', async () => {
    const app = runningApp();
    const leave = app.ctx.folderWork.enter(); // e.g. an upload still streaming
    const target = path.join(root, 'cho-xong');
    const moving = call(app.ctx, 'dataFolder:move', { target });
    expect(((await call(app.ctx, 'dataFolder:progress', {})) as { value: { job: { phase: string } } }).value.job.phase).toBe('waiting');
    expect(messageOf(await call(app.ctx, 'agencies:list', {}))).toMatch(/đang chuyển dữ liệu/);
    await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(target)).toBe(false);
    leave();
    expect(messageOf(await moving)).toBe('ok');
    expect(app.ctx.dataDir).toBe(target);
  });
});

it('the switch waits for a backup of the old folder that is running, and closes the old database only after it', async () => {
  const app = runningApp();
  let finish!: () => void;
  const oldDb = app.ctx.db;
  const backup = oneAtATime(app.dataDir, () => new Promise<void>((resolve) => (finish = resolve)));
  const restored = path.join(root, 'sau-sao-luu');
  fs.mkdirSync(restored);
  fs.copyFileSync(databasePath(app.dataDir), databasePath(restored));
  const switching = app.ctx.folder!.switchTo(restored);
  await new Promise((r) => setTimeout(r, 50));
  expect(app.ctx.dataDir).toBe(app.dataDir);
  expect(oldDb.open).toBe(true);
  finish();
  await backup;
  await switching;
  expect(app.ctx.dataDir).toBe(restored);
  expect(oldDb.open).toBe(false);
});

describe.skipIf(why !== null)('not enough space on the new folder\'s disk', () => {
  it('restore and move are refused in Vietnamese and nothing changes', async () => {
    disk = mountSmallDisk(2 * 1024 * 1024) as SmallDisk;
    const app = runningApp();
    const target = path.join(disk.dir, 'PAR');
    app.ctx.desktop = { openPath: () => Promise.resolve(''), pickEvidenceFiles: () => Promise.resolve([]), pickDataArchive: () => Promise.resolve(archive) };
    const picked = (await call(app.ctx, 'dataArchive:pick', {})) as { value: { archive: { archiveId: string } } };
    const restore = await call(app.ctx, 'dataArchive:restore', { archiveId: picked.value.archive.archiveId, target });
    expect(restore.ok).toBe(false);
    expect((restore as { error: AppError }).error.code).toBe('DISK_FULL');
    expect(messageOf(restore)).toMatch(/^Ổ đĩa không đủ chỗ trống .*cần khoảng .*còn/);
    const move = await call(app.ctx, 'dataFolder:move', { target });
    expect(messageOf(move)).toMatch(/không đủ chỗ trống: cần khoảng .* MB, còn .* MB.*Không có gì bị thay đổi/);
    expect(fs.readdirSync(disk.dir)).toEqual([]);
    expect(app.ctx.dataDir).toBe(app.dataDir);
    expect(readChosenDataDir(app.env)).toBeNull();
  });
});
