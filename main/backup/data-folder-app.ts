/**
 * "Khôi phục từ tệp" and "Chọn thư mục dữ liệu" in the running app (desktop and web mode). Both
 * reuse what `par restore` and `par move-data` do (restore-archive.ts, move-data-folder.ts) and
 * then switch the running app to the new folder through the host (ctx.folder: lock of the new
 * folder taken first, database opened, settings file written, old folder let go). The job holds
 * the folder alone (ctx.folderWork): requests in flight finish first, new ones are refused until
 * the switch is done. A refusal changes nothing in the current folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveInspection, ArchiveRestored, DataFolderInfo, FolderMoved, FolderSwitch } from '../../shared/api/channels/data-folder';
import { AppFailure } from '../../shared/api/result';
import type { DataFolderHost, HandlerContext } from '../context/handler-context';
import { inspectDataArchive } from './archive-inspect';
import { leaveMovedNote, moveDataFolder } from './move-data-folder';
import { isSameOrInside } from './move-rules';
import { restoreDataArchive } from './restore-archive';

const unavailable = (what: string): AppFailure => new AppFailure('UNAVAILABLE', what);

function host(ctx: HandlerContext): DataFolderHost {
  if (!ctx.folder) throw unavailable('Việc đổi thư mục dữ liệu chỉ làm được trong ứng dụng đang chạy; ở dòng lệnh hãy dùng par restore hoặc par move-data.');
  return ctx.folder;
}

/** What the officer typed or picked: an absolute path, outside the current data folder. */
export function targetFolder(currentDir: string, typed: string): string {
  const t = typed.trim();
  if (!path.isAbsolute(t)) throw new AppFailure('INVALID_INPUT', `"${t}" không phải đường dẫn đầy đủ. Hãy nhập đường dẫn bắt đầu từ ổ đĩa hoặc thư mục gốc, ví dụ D:\\PAR-du-lieu hoặc /home/can-bo/PAR-du-lieu. Không có gì bị thay đổi.`);
  const target = path.resolve(t);
  if (target !== path.resolve(currentDir) && isSameOrInside(currentDir, target)) {
    throw new AppFailure('INVALID_INPUT', `Thư mục "${target}" nằm bên trong thư mục dữ liệu hiện tại. Hãy chọn một thư mục mới ở chỗ khác. Không có gì bị thay đổi.`);
  }
  return target;
}

/** A folder beside the current one that does not exist yet: `<name>-<suffix>`, `<name>-<suffix>-2`, … */
export function suggestFolder(currentDir: string, suffix: string): string {
  const base = `${path.resolve(currentDir)}-${suffix}`;
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) total += await folderSize(full);
    else if (e.isFile()) total += (await fs.promises.stat(full).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

export async function dataFolderInfo(ctx: HandlerContext): Promise<DataFolderInfo> {
  const described = ctx.folder?.describe() ?? { settingsFile: '', envOverride: null };
  return {
    dataDir: ctx.dataDir,
    sizeBytes: await folderSize(ctx.dataDir),
    suggestedTarget: suggestFolder(ctx.dataDir, 'moi'),
    ...described,
    canPickFolder: ctx.desktop?.pickFolder !== undefined,
  };
}

export async function pickFolder(ctx: HandlerContext): Promise<{ path: string | null }> {
  if (!ctx.desktop?.pickFolder) throw unavailable('Chỉ ứng dụng trên máy tính mở được hộp thoại chọn thư mục; ở chế độ trình duyệt hãy gõ đường dẫn thư mục vào ô.');
  return { path: await ctx.desktop.pickFolder() };
}

/** Verified and summarised, then kept by id until restored or discarded (an uploaded copy is removed on a refusal). */
export async function stageDataArchive(ctx: HandlerContext, file: string, fileName: string, owned: boolean): Promise<ArchiveInspection> {
  try {
    const summary = await inspectDataArchive(file, ctx.dataDir);
    const size = (await fs.promises.stat(file)).size;
    const archiveId = ctx.folderWork.stage({ file, fileName, owned });
    return { archiveId, fileName, size, ...summary, suggestedTarget: suggestFolder(ctx.dataDir, 'khoi-phuc') };
  } catch (err) {
    if (owned) await fs.promises.rm(file, { force: true });
    throw err;
  }
}

export async function pickDataArchive(ctx: HandlerContext): Promise<{ archive: ArchiveInspection | null }> {
  if (!ctx.desktop?.pickDataArchive) throw unavailable('Chỉ ứng dụng trên máy tính mở được hộp thoại chọn tệp; ở chế độ trình duyệt hãy chọn tệp để tải lên.');
  const file = await ctx.desktop.pickDataArchive();
  return { archive: file === null ? null : await stageDataArchive(ctx, file, path.basename(file), false) };
}

/** The switch, or a message saying the copy is there but the app stays where it was. */
async function switchTo(ctx: HandlerContext, dir: string, previousDir: string): Promise<FolderSwitch> {
  const h = host(ctx);
  try {
    await h.switchTo(dir);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new AppFailure(err instanceof AppFailure ? err.code : 'INTERNAL', `Dữ liệu đã được ghi và kiểm tra ở "${dir}" nhưng ứng dụng chưa chuyển sang được (${detail}). Ứng dụng vẫn dùng thư mục "${previousDir}", không có gì trong đó bị thay đổi.`);
  }
  return { dataDir: dir, previousDir, ...h.describe() };
}

export async function restoreArchiveIntoApp(ctx: HandlerContext, input: { archiveId: string; target: string }): Promise<ArchiveRestored> {
  host(ctx);
  const staged = ctx.folderWork.staging(input.archiveId);
  const target = targetFolder(ctx.dataDir, input.target);
  return ctx.folderWork.exclusive('restore', async (progress) => {
    const size = (await fs.promises.stat(staged.file)).size;
    progress('verifying', 0, size);
    const restored = await restoreDataArchive(staged.file, target, (done, total) => progress('copying', done, total));
    progress('switching', restored.bytes, restored.bytes);
    const switched = await switchTo(ctx, restored.dataDir, ctx.dataDir);
    ctx.folderWork.discard(input.archiveId);
    return { ...switched, createdAt: restored.createdAt, evidenceFiles: restored.evidenceFiles, evidenceBytes: restored.bytes };
  });
}

export async function moveDataFolderInApp(ctx: HandlerContext, input: { target: string }): Promise<FolderMoved> {
  host(ctx);
  const target = targetFolder(ctx.dataDir, input.target);
  return ctx.folderWork.exclusive('move', async (progress) => {
    const from = ctx.dataDir;
    const moved = await moveDataFolder(ctx.db, from, target, (done, total) => progress(done >= total ? 'verifying' : 'copying', done, total));
    progress('switching', moved.bytes, moved.bytes);
    const switched = await switchTo(ctx, moved.to, from);
    await leaveMovedNote(from, moved.to, ctx.now());
    return { ...switched, files: moved.files, bytes: moved.bytes };
  });
}
