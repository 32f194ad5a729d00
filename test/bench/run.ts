/**
 * `npm run bench`: every figure beside the machine's own limit measured in the same run, printed
 * as a table and written to bench-results.json. `npm run bench -- store search` runs only the
 * named groups (store, search, evidence, upload, report, package, criteria, backup, ui, history, appraisal, years).
 */
import os from 'node:os';
import { printTable, writeResults, type BenchFigure } from './bench-results';
import { benchAppraisal } from './appraisal-bench';
import { benchArchive } from './archive-bench';
import { benchBackup } from './backup-bench';
import { benchCriteria } from './criteria-bench';
import { benchEditorKeystroke } from './editor-bench';
import { benchEvidenceImport } from './evidence-bench';
import { benchHistory } from './history-bench';
import { benchPackage } from './package-bench';
import { benchReportExport } from './report-bench';
import { benchSearch } from './search-bench';
import { benchUi } from './ui-bench';
import { benchWebUpload } from './upload-bench';
import { benchAnswerSave, benchColdOpen } from './store-bench';
import { benchYears } from './years-bench';

const GROUPS: Record<string, () => Promise<BenchFigure[]>> = {
  store: async () => [...(await benchAnswerSave()), ...(await benchColdOpen())],
  search: () => benchSearch(),
  evidence: () => benchEvidenceImport(),
  upload: () => benchWebUpload(),
  report: () => benchReportExport(),
  package: () => benchPackage(),
  criteria: async () => [...(await benchCriteria()), ...(await benchEditorKeystroke())],
  backup: async () => [...(await benchBackup()), ...(await benchArchive())],
  ui: () => benchUi(),
  history: () => benchHistory(),
  appraisal: () => benchAppraisal(),
  years: () => benchYears(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((name) => !(name in GROUPS));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark group(s): ${unknown.join(', ')}. Groups: ${Object.keys(GROUPS).join(', ')}`);
    process.exit(2);
  }
  const figures: BenchFigure[] = [];
  for (const [name, run] of Object.entries(GROUPS)) {
    if (asked.length > 0 && !asked.includes(name)) continue;
    console.log(`bench: ${name} …`);
    figures.push(...(await run()));
  }
  console.log('');
  printTable(figures);
  const file = writeResults(figures, { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: process.platform, loadAverage: os.loadavg() });
  console.log(`\nwritten: ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
