/**
 * The app icon electron-builder packs (build/ is its buildResources): committed files equal what
 * `npm run icon` draws, the PNG is a 512×512 RGBA image a decoder reads back (transparent corners,
 * blue square, white check mark), the .ico holds 16–256 px PNG images.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, iconFiles, PNG_SIZE } from '../../../main/tools/app-icon';
import { PROJECT_ROOT } from '../../../main/bin/electron-runtime.mjs';

const committed = (name: string): Buffer => fs.readFileSync(path.join(PROJECT_ROOT, 'build', name));

/** Decodes an 8-bit RGBA PNG written with filter 0 (what the icon writer produces). */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      expect([...data.subarray(8, 10)]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const rows = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  return { width, height, pixel: (x, y) => [...rows.subarray(y * stride + 1 + x * 4, y * stride + 1 + x * 4 + 4)] };
}

describe('app icon', () => {
  const files = iconFiles();

  it('build/icon.png and build/icon.ico are what `npm run icon` draws (not stale)', () => {
    expect(committed('icon.png').equals(files.png)).toBe(true);
    expect(committed('icon.ico').equals(files.ico)).toBe(true);
  });

  it('the PNG is 512×512: transparent corners, a blue rounded square, a white check mark', () => {
    const img = decode(committed('icon.png'));
    expect([img.width, img.height]).toEqual([PNG_SIZE, PNG_SIZE]);
    expect(img.pixel(2, 2)[3]).toBe(0);
    expect(img.pixel(256, 60)).toEqual([0x1f, 0x4e, 0x8c, 255]);
    expect(img.pixel(Math.round(0.43 * 512), Math.round(0.68 * 512))).toEqual([255, 255, 255, 255]);
  });

  it('the .ico lists every size with a PNG image at the offset it names', () => {
    const ico = committed('icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
    ICO_SIZES.forEach((size, i) => {
      const entry = 6 + 16 * i;
      expect(ico[entry] || 256).toBe(size);
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(decode(png).width).toBe(size);
    });
  });
});
