/**
 * The benchmark report: each figure with its value and unit and, where it has one, the machine's
 * own limit measured in the same run and the ratio to it. Printed as a table and written to
 * bench-results.json at the repository root (ignored by git).
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/web-server-process';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in the same run on this machine. */
  limitName?: string;
  limit?: number;
  /** value ÷ limit. */
  ratio?: number;
  /** The target, in words (e.g. "≤ 1.3× copy"). */
  target?: string;
}

export function percentile(sortedOrUnsorted: number[], p: number): number {
  const sorted = [...sortedOrUnsorted].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function printTable(figures: BenchFigure[]): void {
  const rows = figures.map((f) => [
    f.name,
    `${round(f.value)} ${f.unit}`,
    f.limit === undefined ? '' : `${round(f.limit)} ${f.unit} (${f.limitName ?? ''})`,
    f.ratio === undefined ? '' : `${round(f.ratio, 2)}×`,
    f.target ?? '',
  ]);
  const header = ['figure', 'value', 'limit measured in this run', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function writeResults(figures: BenchFigure[], machine: Record<string, unknown>): string {
  const file = path.join(repoRoot, 'bench-results.json');
  fs.writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, figures }, null, 2)}\n`);
  return file;
}
