/**
 * Issue 4 figure: report export (.docx) for the department sample set with 2,000 evidence rows,
 * beside JSON.stringify + atomic write of the same model (a floor: the bytes have to be produced
 * and written anyway), and the peak RSS of the process doing it. Evidence tables are not filled
 * yet, so the rows are synthetic, spread over the leaves of an in-memory ReportModel. The export
 * runs in a fresh child process so that its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createHarness } from '../helpers/app-harness';
import { departmentAssessment } from '../helpers/report-assessment';
import { repoRoot } from '../helpers/web-server-process';
import type { BenchFigure } from './bench-results';

interface ChildFigures {
  exportSeconds: number;
  floorSeconds: number;
  rssBeforeMB: number;
  peakRssMB: number;
  size: number;
  rows: number;
}

function runChild(dataDir: string, assessmentId: number, evidenceRows: number, runs: number): ChildFigures {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'test', 'bench', 'report-bench-child.ts'), dataDir, String(assessmentId), String(evidenceRows), String(runs)],
    { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 },
  );
  if (child.status !== 0) throw new Error(`report bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildFigures;
}

export async function benchReportExport(evidenceRows = 2000, runs = 3): Promise<BenchFigure[]> {
  const h = createHarness();
  try {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    h.ctx.close();
    const f = runChild(h.dataDir, assessmentId, evidenceRows, runs);
    return [
      {
        name: `report export .docx: department sample set (${f.rows} rows) + ${evidenceRows} evidence rows, render + atomic write, p50 of ${runs} (${Math.round(f.size / 1024)} KiB)`,
        value: f.exportSeconds,
        unit: 's',
        limitName: 'JSON.stringify + atomic write of the same model',
        limit: f.floorSeconds,
        ratio: f.exportSeconds / f.floorSeconds,
        target: '≤ 1 s',
      },
      {
        name: 'report export: peak RSS of the exporting process (fresh Node + tsx)',
        value: f.peakRssMB,
        unit: 'MB',
        limitName: 'RSS of the same process before the export',
        limit: f.rssBeforeMB,
        ratio: f.peakRssMB / f.rssBeforeMB,
        target: '≤ 300 MB',
      },
    ];
  } finally {
    h.dispose();
  }
}
