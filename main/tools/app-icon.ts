/**
 * The app icon, drawn in code so it needs no image tool or native download: a rounded square in
 * the app's blue with a white check mark, anti-aliased by 4×4 supersampling of signed distances,
 * written as PNG (zlib from Node) and as a Windows .ico holding PNG images. `npm run icon` writes
 * build/icon.png (512×512) and build/icon.ico (16–256) for electron-builder.
 */
import zlib from 'node:zlib';

const BLUE = [0x1f, 0x4e, 0x8c] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
/** Shape in a unit square: margin, corner radius, check mark (two strokes with round ends). */
const MARGIN = 0.06;
const RADIUS = 0.2;
const CHECK = [
  [0.27, 0.52],
  [0.43, 0.68],
  [0.74, 0.34],
] as const;
const STROKE = 0.085;
const SAMPLES = 4;

function roundedSquareDistance(x: number, y: number): number {
  const half = 0.5 - MARGIN;
  const qx = Math.abs(x - 0.5) - (half - RADIUS);
  const qy = Math.abs(y - 0.5) - (half - RADIUS);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - RADIUS;
}

function segmentDistance(x: number, y: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy);
}

function checkDistance(x: number, y: number): number {
  return Math.min(segmentDistance(x, y, CHECK[0], CHECK[1]), segmentDistance(x, y, CHECK[1], CHECK[2])) - STROKE / 2;
}

/** RGBA pixels, row by row, `size`×`size`. */
export function renderIcon(size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let onCheck = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (roundedSquareDistance(x, y) <= 0) {
            inside++;
            if (checkDistance(x, y) <= 0) onCheck++;
          }
        }
      }
      const i = (py * size + px) * 4;
      const white = inside === 0 ? 0 : onCheck / inside;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(BLUE[c]! * (1 - white) + WHITE[c]! * white);
      out[i + 3] = Math.round((255 * inside) / (SAMPLES * SAMPLES));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(rgba: Buffer, size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter byte 0
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A .ico whose images are PNGs (Windows Vista and later), one per size. */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

export const PNG_SIZE = 512;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

export function iconFiles(): { png: Buffer; ico: Buffer } {
  return {
    png: encodePng(renderIcon(PNG_SIZE), PNG_SIZE),
    ico: encodeIco(ICO_SIZES.map((size) => ({ size, png: encodePng(renderIcon(size), size) }))),
  };
}
