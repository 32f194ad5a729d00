/** Installs the shipped sample sets (seeds/sample-*.json) into a data folder; idempotent.
 *  A changed sample in a newer app version is installed as the next version of that sample. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { importCriteriaSet } from './import-set';

export function sampleSetFiles(seedsDir: string): string[] {
  if (!fs.existsSync(seedsDir)) return [];
  return fs
    .readdirSync(seedsDir)
    .filter((name) => /^sample-.*\.json$/.test(name))
    .sort()
    .map((name) => path.join(seedsDir, name));
}

export function installSampleSets(db: Database.Database, seedsDir: string, now: string): number {
  let installed = 0;
  for (const file of sampleSetFiles(seedsDir)) {
    const outcome = importCriteriaSet(db, { text: fs.readFileSync(file, 'utf8'), fileName: path.basename(file), confirmNewVersion: true }, now);
    if (!outcome.alreadyInstalled) installed++;
  }
  return installed;
}
