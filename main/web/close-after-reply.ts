/** A reply sent before the request's body was read ends the connection. After a refusal (403,
 *  413, 408, any 4xx: the sender may be anyone) the rest of the body is drained for at most
 *  DRAIN_MS and DRAIN_BYTES (so a client still sending gets to read the reply instead of a reset),
 *  then the socket is destroyed: a client that trickles its body after a 403 is cut off within
 *  seconds. After an answer to our own page (an upload refused with a Result, 200) the body is
 *  drained to its end so the browser shows that answer, bounded only by the idle timeout. */
import type http from 'node:http';

const DRAIN_MS = 2000;
const DRAIN_BYTES = 64 * 1024 * 1024;

export function closeAfterReply(res: http.ServerResponse, refusal: boolean): void {
  const req = res.req;
  if (req.complete || req.destroyed) return;
  res.setHeader('Connection', 'close');
  if (!refusal) return void req.resume();
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
