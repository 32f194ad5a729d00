/**
 * Child process of the crash test: opens the database with the real openDatabase and writes
 * answers with the real query functions, one user action per transaction, reporting each commit
 * with `ack <n>` on stdout, until the parent kills it. It opens the database first, says `ready`,
 * then waits for `go` on stdin, so the parent can start the next writer while this one runs.
 * Usage: echo go | node --import tsx test/helpers/store-crash-writer.ts <db file> <start counter>
 */
import { openDatabase } from '../../main/store/open';
import { upsertAnswer } from '../../main/store/queries/answers';
import { touchAssessment } from '../../main/store/queries/assessments';
import { CRASH_ASSESSMENT_ID, CRASH_RANGE, crashAnswer, crashStamp } from './store-crash-rows';
import { waitForGo } from './wait-for-go';


function main(file: string, start: number): void {
  const db = openDatabase(file);
  const save = db.transaction((n: number) => {
    upsertAnswer(db, crashAnswer(n));
    if (!touchAssessment(db, CRASH_ASSESSMENT_ID, crashStamp(n))) throw new Error('assessment 1 is missing');
  });
  // process.stdout.write is synchronous for pipes on Linux: an ack is out before the next write begins.
  process.stdout.write('ready\n');
  waitForGo();
  for (let n = start; n < start + CRASH_RANGE; n++) {
    save(n);
    process.stdout.write(`ack ${n}\n`);
  }
  db.close();
}

const [file, start] = process.argv.slice(2);
if (!file || !start || !/^\d+$/.test(start)) {
  process.stderr.write('usage: store-crash-writer.ts <db file> <start counter>\n');
  process.exit(2);
}
main(file, Number(start));
