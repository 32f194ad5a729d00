/**
 * The loop both crash tests share (SQLite's own habit): a writer child process (run with tsx)
 * prints `ready`, waits for `go` on stdin, does its writes printing `ack <what>` after each one
 * is acknowledged, and is SIGKILLed at a random moment; over and over. Writers start up ahead
 * (tsx + better-sqlite3 take ~0.6 s of CPU each) but only one runs at a time, so only one process
 * ever writes. A line cut by the kill is not an ack.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { expect } from 'vitest';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface KilledRun {
  /** Which writer this was (0-based), as given to `argsFor`. */
  index: number;
  acked: string[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

interface Writer {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  /** Resolves at the writer's `started` line (after its own start-up), or when it ends. */
  started: Promise<void>;
  done: Promise<KilledRun>;
}

/** Children still running; killed by `killLiveWriters` (call it in afterEach). */
const live = new Set<ChildProcessWithoutNullStreams>();

export function killLiveWriters(): void {
  for (const child of live) child.kill('SIGKILL');
}

/** The writer compiled once into one CommonJS file (better-sqlite3 left outside, found through
 *  NODE_PATH): each start then costs a plain `node` start instead of tsx compiling every module. */
function bundleWriter(script: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-crash-writer-'));
  const outfile = path.join(dir, 'writer.cjs');
  buildSync({ entryPoints: [script], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], outfile, logLevel: 'error' });
  return outfile;
}

function startWriter(script: string, args: string[], index: number, bundled: boolean): Writer {
  const child = bundled
    ? spawn(process.execPath, [script, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, NODE_PATH: path.join(PROJECT_ROOT, 'node_modules') } })
    : spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: PROJECT_ROOT });
  live.add(child);
  child.stdin.on('error', () => {}); // a writer that died early: its result reports why
  const acked: string[] = [];
  let out = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    const lines = out.split('\n');
    out = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') markReady();
      else if (line === 'started') markStarted();
      else if (line.startsWith('ack ')) acked.push(line.slice(4));
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<KilledRun>((resolve) => {
    child.on('close', (_code, signal) => {
      live.delete(child);
      markReady();
      markStarted();
      resolve({ index, acked, signal, stderr });
    });
  });
  return { child, ready, started, done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface CrashLoopOptions {
  /** The writer script, relative to the project root. */
  script: string;
  runs: number;
  /** How many writers start up ahead of the one running. */
  ahead: number;
  argsFor: (index: number) => string[];
  /** How long the running writer lives before the kill. */
  killAfterMs: (random: () => number) => number;
  /** Count that time from the writer's `started` line (its own start-up done) instead of from `go`. */
  fromStarted?: boolean;
  /** Compile the writer once with esbuild and start it with plain node (fast starts for many runs). */
  bundle?: boolean;
}

/** Runs `runs` writers one after another, each killed with SIGKILL; every one must die by the kill. */
export async function crashLoop(opts: CrashLoopOptions, random: () => number): Promise<KilledRun[]> {
  const source = path.join(PROJECT_ROOT, opts.script);
  const script = opts.bundle ? bundleWriter(source) : source;
  const results: KilledRun[] = [];
  const queue: Writer[] = [];
  let spawned = 0;
  const refill = () => {
    while (spawned < opts.runs && queue.length < opts.ahead) {
      queue.push(startWriter(script, opts.argsFor(spawned), spawned, opts.bundle === true));
      spawned++;
    }
  };
  for (let run = 0; run < opts.runs; run++) {
    refill();
    const current = queue.shift();
    if (!current) throw new Error('no writer left');
    await current.ready;
    refill();
    current.child.stdin.write('go\n');
    if (opts.fromStarted) await current.started;
    await sleep(opts.killAfterMs(random));
    current.child.kill('SIGKILL');
    const result = await current.done;
    expect(result.signal, `writer ${run} ended by itself:\n${result.stderr}`).toBe('SIGKILL');
    results.push(result);
  }
  if (opts.bundle) fs.rmSync(path.dirname(script), { recursive: true, force: true });
  return results;
}
