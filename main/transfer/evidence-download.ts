/**
 * Serving a stored evidence file to the app's own page for preview: looked up by its numeric
 * file id only (never a path from the renderer), read from the blob store, with headers that
 * keep the browser from guessing types or running anything.
 */
import fs from 'node:fs';
import type { HandlerContext } from '../context/handler-context';
import { blobPath } from '../evidence/blob-store';
import { getFile } from '../store/queries/evidence-files';

export const FILE_PATH_PREFIX = '/files/evidence/';

export interface EvidenceDownload {
  headers: Record<string, string>;
  size: number;
  open: () => fs.ReadStream;
}

/** `/files/evidence/<id>` → the id, or null for anything else. */
export function fileIdFromPath(pathname: string): number | null {
  if (!pathname.startsWith(FILE_PATH_PREFIX)) return null;
  const rest = pathname.slice(FILE_PATH_PREFIX.length);
  return /^[1-9]\d{0,14}$/.test(rest) ? Number(rest) : null;
}

export function contentDisposition(kind: 'inline' | 'attachment', displayName: string): string {
  const ascii = displayName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(displayName)}`;
}

export function findEvidenceDownload(ctx: HandlerContext, fileId: number, download: boolean): EvidenceDownload | null {
  const file = getFile(ctx.db, fileId);
  if (!file) return null;
  const file_ = blobPath(ctx.dataDir, file.hash);
  let size: number;
  try {
    size = fs.statSync(file_).size;
  } catch {
    return null;
  }
  const headers: Record<string, string> = {
    'Content-Type': file.mediaType,
    'Content-Length': String(size),
    'Content-Disposition': contentDisposition(download || !file.previewable ? 'attachment' : 'inline', file.displayName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=3600',
    'Referrer-Policy': 'no-referrer',
  };
  return { headers, size, open: () => fs.createReadStream(file_, { highWaterMark: 4 * 1024 * 1024 }) };
}
