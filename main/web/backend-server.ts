/** Wires the web bridge to the real dispatch and handler registry for one app context. */
import { dispatch } from '../api/dispatch';
import type { HandlerContext } from '../context/handler-context';
import { createHandlerRegistry } from '../api/registry';
import { routeTransfer } from '../transfer/transfer-routes';
import { startWebServer, type RunningWebServer } from './server';

export function startBackendWebServer(
  ctx: HandlerContext,
  opts: { port: number; staticDir: string; token?: string },
): Promise<RunningWebServer> {
  const registry = createHandlerRegistry();
  return startWebServer({
    ...opts,
    call: (channel, input) => dispatch(registry, ctx, channel, input),
    streams: { route: (req) => routeTransfer(ctx, req) },
  });
}
