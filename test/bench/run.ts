/** `npm run bench`: every figure beside the machine's own limit measured in the same run. */
import os from 'node:os';
import { printTable, writeResults, type BenchFigure } from './bench-results';
import { benchAnswerSave, benchColdOpen } from './store-bench';

async function main(): Promise<void> {
  const figures: BenchFigure[] = [];
  console.log('bench: answer save + recompute …');
  figures.push(...(await benchAnswerSave()));
  console.log('bench: cold open …');
  figures.push(...(await benchColdOpen()));
  console.log('');
  printTable(figures);
  const file = writeResults(figures, { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: process.platform });
  console.log(`\nwritten: ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
