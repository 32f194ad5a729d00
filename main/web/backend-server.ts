/** Wires the web bridge to the real dispatch and handler registry for one app context. */
import { dispatch } from '../api/dispatch';
import type { HandlerContext } from '../context/handler-context';
import { createHandlerRegistry } from '../api/registry';
import { findEvidenceDownload } from '../transfer/evidence-download';
import { uploadEvidenceFile } from '../transfer/evidence-upload';
import { findExportDownload } from '../transfer/export-download';
import { uploadPackage } from '../transfer/package-upload';
import { startWebServer, type RunningWebServer } from './server';

export function startBackendWebServer(
  ctx: HandlerContext,
  opts: { port: number; staticDir: string; token?: string },
): Promise<RunningWebServer> {
  const registry = createHandlerRegistry();
  return startWebServer({
    ...opts,
    call: (channel, input) => dispatch(registry, ctx, channel, input),
    streams: {
      upload: (params, body, signal) => uploadEvidenceFile(ctx, params, body, signal),
      uploadPackage: (params, body, signal) => uploadPackage(ctx, params, body, signal),
      download: (fileId, asAttachment) => findEvidenceDownload(ctx, fileId, asAttachment),
      exportFile: (pathname) => findExportDownload(ctx, pathname),
    },
  });
}
