/** The writer side of the crash harness (crash-harness.ts): blocks until the parent writes "go"
 *  on stdin; exits quietly if the parent closes stdin instead. Blocking on purpose: nothing else
 *  may run in the writer before the parent says go. */
import fs from 'node:fs';

export function waitForGo(): void {
  const buf = Buffer.alloc(64);
  let seen = '';
  while (!seen.includes('go')) {
    let n: number;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
      continue;
    }
    if (n === 0) process.exit(0);
    seen += buf.toString('utf8', 0, n);
  }
}
