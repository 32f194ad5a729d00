/** `npm run icon`: writes build/icon.png and build/icon.ico (electron-builder's buildResources) from app-icon.ts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconFiles } from './app-icon';

const buildDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build');
const { png, ico } = iconFiles();
mkdirSync(buildDir, { recursive: true });
writeFileSync(resolve(buildDir, 'icon.png'), png);
writeFileSync(resolve(buildDir, 'icon.ico'), ico);
console.log('Đã ghi build/icon.png và build/icon.ico');
