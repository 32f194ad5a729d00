/**
 * `npm run scan:electron` (part of `npm test`): Electronegativity, offline, over main/ (with the
 * preload) compiled to a temporary folder by esbuild (no Electron runtime needed) and the page's
 * index.html, assuming the installed Electron version. Every finding must be fixed or recorded in
 * electron-scan-accepted.ts with its reason and test; the scan fails on any other finding, and on
 * a recorded one that no longer occurs. (Electronegativity tries to fetch translations and the
 * list of Electron releases first; offline it says so and goes on.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ACCEPTED_FINDINGS } from './electron-scan-accepted';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  manualReview: boolean;
}
type Run = (options: { input: string; electronVersionOverride: string }, forCli: boolean) => Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The compiled copy's path → the source file it came from. */
function sourceOf(compiled: string, outDir: string): string {
  const relative = path.relative(outDir, compiled).split(path.sep).join('/');
  return relative === 'index.html' ? 'renderer/index.html' : relative.replace(/\.js$/, '.ts');
}

/** main/ (the app's main process and preload, not its build tools) compiled file by file. */
async function compileMain(outDir: string): Promise<void> {
  const sources = fs
    .readdirSync(path.join(repoRoot, 'main'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith(`tools${path.sep}`))
    .map((f) => path.join(repoRoot, 'main', f));
  await build({ entryPoints: sources, outdir: outDir, outbase: repoRoot, bundle: false, format: 'esm', platform: 'node', target: 'es2020', logLevel: 'warning' });
  fs.copyFileSync(path.join(repoRoot, 'renderer', 'index.html'), path.join(outDir, 'index.html'));
}

async function main(): Promise<number> {
  const electronVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-electron-scan-'));
  try {
    await compileMain(outDir);
    const run = ((await import('@doyensec/electronegativity')) as { default: Run }).default;
    const result = await run({ input: outDir, electronVersionOverride: electronVersion }, false);
    const hardErrors = result.errors.filter((e) => !e.tolerable);
    const findings = result.issues.map((i) => ({ ...i, file: sourceOf(i.file, outDir) }));
    const isAccepted = (i: { id: string; file: string }) => ACCEPTED_FINDINGS.some((a) => a.id === i.id && a.file === i.file);
    const unrecorded = findings.filter((i) => !isAccepted(i));
    const stale = ACCEPTED_FINDINGS.filter((a) => !findings.some((i) => i.id === a.id && i.file === a.file));
    console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${findings.length - unrecorded.length} recorded as false positives.`);
    for (const i of findings) console.log(`  ${isAccepted(i) ? 'recorded' : 'NEW     '} ${i.id} ${i.file}:${i.location.line}`);
    for (const e of hardErrors) console.error(`  could not parse ${sourceOf(e.file, outDir)}: ${e.message}`);
    for (const i of unrecorded) console.error(`  ${i.id} ${i.file}:${i.location.line}: ${i.description} — fix it, or record it in main/tools/electron-scan-accepted.ts with the reason and the test that asserts the real setting.`);
    for (const a of stale) console.error(`  ${a.id} ${a.file} is recorded but no longer found: remove it from main/tools/electron-scan-accepted.ts.`);
    return unrecorded.length + stale.length + hardErrors.length === 0 ? 0 : 1;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
