/** One report export in a fresh process, so that its peak RSS is the export's own: opens a data
 *  folder prepared by report-bench.ts, reads the report model, adds synthetic evidence, times
 *  render + atomic write against JSON.stringify + atomic write of the same model, and prints the
 *  figures as JSON. Usage: report-bench-child.ts <dataDir> <assessmentId> <evidenceRows> <runs> */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from '../../main/disk/atomic-write';
import { buildReportModel } from '../../main/report/docx/build-model';
import type { ReportEvidence, ReportModel } from '../../main/report/docx/model';
import { renderReportDocx } from '../../main/report/docx/render';
import { createAppContext } from '../../main/startup/app-context';
import { percentile } from './bench-results';

const [dataDir, assessmentId, evidenceRows, runs] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4] ?? 2000), Number(process.argv[5] ?? 3)];

function syntheticEvidence(i: number): ReportEvidence {
  const sha256 = createHash('sha256').update(`evidence-${i}`).digest('hex');
  return {
    docNumber: `${100 + i}/KH-SNV`,
    issuedOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    summary: `Kế hoạch thực hiện nhiệm vụ cải cách hành chính số ${i} của Sở Nội vụ năm 2026`,
    files: [{ name: `ke-hoach-cai-cach-hanh-chinh-${i}.pdf`, size: 150_000 + ((i * 7919) % 3_000_000), sha256 }],
  };
}

/** Spreads `count` evidence documents round-robin over the self-scored leaves. */
function withEvidence(model: ReportModel, count: number): ReportModel {
  const leaves = model.rows.filter((r) => r.isLeaf && !r.survey);
  const rows = model.rows.map((r) => ({ ...r, evidence: [] as ReportEvidence[] }));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (let i = 0; i < count; i++) byCode.get(leaves[i % leaves.length]!.code)!.evidence.push(syntheticEvidence(i));
  return { ...model, rows };
}

async function timed(work: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const ctx = createAppContext({ dataDir, mode: 'test', installSamples: false });
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-report-'));
  try {
    const model = withEvidence(buildReportModel(ctx.db, assessmentId, ctx.now()), evidenceRows);
    const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
    const docx = path.join(outDir, 'bao-cao.docx');
    const exportTimes: number[] = [];
    let size = 0;
    for (let i = 0; i <= runs; i++) {
      const s = await timed(async () => {
        const bytes = await renderReportDocx(model);
        size = bytes.length;
        await writeFileAtomic(docx, bytes);
      });
      if (i > 0) exportTimes.push(s); // the first run warms the JIT
    }
    const floorTimes: number[] = [];
    for (let i = 0; i < runs; i++) floorTimes.push(await timed(() => writeFileAtomic(path.join(outDir, 'model.json'), Buffer.from(JSON.stringify(model)))));
    const peakRssMB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ exportSeconds: percentile(exportTimes, 50), floorSeconds: percentile(floorTimes, 50), rssBeforeMB, peakRssMB, size, rows: model.rows.length }));
  } finally {
    ctx.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
