/**
 * One supported Node, said once: `.nvmrc` names a version that `engines` accepts, and every locked
 * package (production and dev) accepts the lowest version `engines` allows. A dependency bump that
 * raises the floor fails here instead of printing EBADENGINE at a new user's first `npm install`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../main/bin/electron-runtime.mjs';

interface Semver {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
}
const semver = createRequire(import.meta.url)('semver') as Semver;

const read = (file: string): string => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } | string[]; os?: string[]; cpu?: string[] }> };

describe('supported Node version', () => {
  const lowest = semver.minVersion(engines)!.version;

  it('.nvmrc names a major that engines accepts', () => {
    const major = read('.nvmrc').trim();
    expect(major).toMatch(/^\d+$/);
    expect(semver.satisfies(`${major}.99.0`, engines)).toBe(true);
    expect(lowest.startsWith(`${major}.`)).toBe(true);
  });

  it('every locked package accepts the lowest supported Node (a clean npm install)', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .map(([name, pkg]) => [name, Array.isArray(pkg.engines) ? undefined : pkg.engines?.node] as const)
      .filter(([, range]) => range !== undefined && !semver.satisfies(lowest, range))
      .map(([name, range]) => `${name} wants node ${range}`);
    expect(refusing).toEqual([]);
  });
});
