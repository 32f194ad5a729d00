/**
 * `npm run web`: the same UI and backend as the desktop app, in a browser on 127.0.0.1.
 * PORT (default 5180) and PAR_DATA_DIR (default the per-user app data folder) configure it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppContext, runStartupCleanup } from '../startup/app-context';
import { activeDataDir } from '../startup/data-folder-choice';
import { warmUpWorkspaceReads } from '../assessment/warm-up';
import { startBackendWebServer } from './backend-server';
import { AutoBackup, autoBackupIntervalFromEnv } from '../backup/auto-backup';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 5180);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT không hợp lệ: ${process.env.PORT}`);
    process.exit(2);
  }
  const dataDir = activeDataDir();
  const ctx = createAppContext({ dataDir, mode: 'web' });
  await runStartupCleanup(ctx);
  // Before the first page asks: the reads of the first workspace open, so it is not cold.
  warmUpWorkspaceReads(ctx.db);
  const autoBackup = new AutoBackup(ctx, autoBackupIntervalFromEnv());
  autoBackup.start();
  const server = await startBackendWebServer(ctx, { port, staticDir: path.join(repoRoot, 'out', 'web') });
  console.log(`Ứng dụng đang chạy. Mở địa chỉ này trong trình duyệt / Open in your browser:\n\n  ${server.url}\n`);
  console.log(`Thư mục dữ liệu / Data folder: ${dataDir}`);
  const stop = (): void => {
    void server
      .close()
      .then(() => autoBackup.atExit())
      .finally(() => {
        ctx.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
