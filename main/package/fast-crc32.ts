/**
 * yazl computes every entry's CRC-32 with `buffer-crc32`, a byte-by-byte table loop in JavaScript
 * (about 160 MB/s on the build machine, six times slower than the SHA-256 we compute anyway).
 * Node ships a native CRC-32 (`zlib.crc32`, about 1.3 GB/s, same polynomial and same chaining), so
 * the `unsigned` function of the very module instance yazl loaded is pointed at it. The results
 * are identical (a test compares both on random data, and every verify recomputes each entry's
 * CRC-32 independently); only the speed changes. Without `zlib.crc32` nothing is touched.
 */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

type Crc32Input = string | Buffer;
interface Crc32Module {
  unsigned: (input: Crc32Input, previous?: Buffer | number) => number;
}

let installed = false;

function startValue(previous: Buffer | number | undefined): number {
  if (typeof previous === 'number') return previous >>> 0;
  return Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : 0;
}

/** The buffer-crc32 instance that yazl itself requires (resolved from yazl's own folder). */
function yazlCrc32Module(): Crc32Module {
  const fromHere = createRequire(import.meta.url);
  return createRequire(fromHere.resolve('yazl'))('buffer-crc32') as Crc32Module;
}

export function useNativeCrc32ForYazl(): void {
  if (installed || typeof zlib.crc32 !== 'function') return;
  yazlCrc32Module().unsigned = (input, previous) => zlib.crc32(input, startValue(previous));
  installed = true;
}
