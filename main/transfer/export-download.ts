/**
 * Downloading a finished export (report, package) from <dataDir>/exports/. The page links to
 * `/exports/<file name>`: a browser saves it as a download, Electron shows its save dialog.
 * The name (percent-decoded once) is looked up inside the exports folder with a separator-aware
 * containment check; symbolic links are refused (lstat, real path, O_NOFOLLOW).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HandlerContext } from '../context/handler-context';
import { EXPORTS_FOLDER } from '../report/export-report';
import { resolveInside } from '../../shared/serving/contain-path';
import { contentDisposition, type EvidenceDownload } from './evidence-download';

export const EXPORT_PATH_PREFIX = `/${EXPORTS_FOLDER}/`;

const MEDIA_TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Never through a symbolic link: O_NOFOLLOW where the system has it (not Windows, where lstat
 *  and the real-path check below already refuse links and junctions). */
const READ_NO_FOLLOW = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);

/** The export's path when it is a plain file directly inside the exports folder, which itself is a
 *  real folder of the data folder: no symbolic link (of the file or the folder) is followed. */
function plainExportFile(dataDir: string, pathname: string): string | null {
  const folder = path.join(dataDir, EXPORTS_FOLDER);
  const file = resolveInside(folder, pathname.slice(EXPORT_PATH_PREFIX.length), path); // decodes once
  if (!file || path.dirname(file) !== folder) return null;
  try {
    if (!fs.lstatSync(file).isFile()) return null;
    const realFolder = path.join(fs.realpathSync(dataDir), EXPORTS_FOLDER);
    return fs.realpathSync(folder) === realFolder && fs.realpathSync(file) === path.join(realFolder, path.basename(file)) ? file : null;
  } catch {
    return null;
  }
}

export function findExportDownload(ctx: HandlerContext, pathname: string): EvidenceDownload | null {
  if (!pathname.startsWith(EXPORT_PATH_PREFIX)) return null;
  const file = plainExportFile(ctx.dataDir, pathname);
  const mediaType = file ? MEDIA_TYPES[path.extname(file).toLowerCase()] : undefined;
  if (!file || !mediaType) return null;
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return null;
  }
  return {
    size,
    headers: {
      'Content-Type': mediaType,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition('attachment', path.basename(file)),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    open: () => fs.createReadStream(file, { fd: fs.openSync(file, READ_NO_FOLLOW), highWaterMark: 4 * 1024 * 1024 }),
  };
}
