/**
 * Downloading a finished export (report, package) from <dataDir>/exports/. The page links to
 * `/exports/<file name>`: a browser saves it as a download, Electron shows its save dialog.
 * The name is looked up inside the exports folder with a separator-aware containment check.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HandlerContext } from '../api/context';
import { EXPORTS_FOLDER } from '../export/export-report';
import { resolveInside } from '../shell/contain-path';
import { contentDisposition, type EvidenceDownload } from './evidence-download';

export const EXPORT_PATH_PREFIX = `/${EXPORTS_FOLDER}/`;

const MEDIA_TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function findExportDownload(ctx: HandlerContext, pathname: string): EvidenceDownload | null {
  if (!pathname.startsWith(EXPORT_PATH_PREFIX)) return null;
  const name = pathname.slice(EXPORT_PATH_PREFIX.length);
  const mediaType = MEDIA_TYPES[path.extname(name).toLowerCase()];
  const file = resolveInside(path.join(ctx.dataDir, EXPORTS_FOLDER), name);
  if (!mediaType || !file || path.dirname(file) !== path.join(ctx.dataDir, EXPORTS_FOLDER)) return null;
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
      'Content-Disposition': contentDisposition('attachment', decodeURIComponent(path.basename(file))),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    open: () => fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }),
  };
}
