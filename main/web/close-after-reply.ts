/** A reply sent before the request's body was read (a refusal, a 413, an early error) ends the
 *  connection: the rest of the body is drained for at most DRAIN_MS and DRAIN_BYTES (so the client,
 *  still sending, gets to read the reply instead of a reset), then the socket is destroyed. A
 *  client that trickles its body after a 403 is cut off within seconds. */
import type http from 'node:http';

const DRAIN_MS = 2000;
const DRAIN_BYTES = 64 * 1024 * 1024;

export function closeAfterReply(res: http.ServerResponse): void {
  const req = res.req;
  if (req.complete || req.destroyed) return;
  res.setHeader('Connection', 'close');
  let drained = 0;
  const cut = (): void => {
    clearTimeout(timer);
    req.socket.destroy();
  };
  const timer = setTimeout(cut, DRAIN_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) cut();
  });
  req.on('end', () => clearTimeout(timer));
  req.on('close', () => clearTimeout(timer));
  req.resume();
}
