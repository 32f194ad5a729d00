/**
 * Child process of the history crash test: through the real services it saves answers (an
 * explanation `e<n>`) and changes the status (lock with `{ op: n }`, unlock with the reason `r<n>`),
 * one user action per transaction, printing `ack <n>` after each commit, until the parent kills it.
 * Usage: echo go | node --import tsx test/helpers/history-crash-writer.ts <db file> <start counter>
 */
import { saveAnswer } from '../../main/assessment/save-answer';
import { loadCriteriaSet } from '../../main/criteria/set-cache';
import { moveStatus } from '../../main/lifecycle/move-status';
import { openDatabase } from '../../main/store/open';
import { getAssessment } from '../../main/store/queries/assessments';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { waitForGo } from './wait-for-go';

import { HISTORY_CRASH_ASSESSMENT, HISTORY_CRASH_LEAVES, HISTORY_CRASH_RANGE, historyCrashStamp as stamp } from './history-crash-rows';

function main(file: string, start: number): void {
  const db = openDatabase(file);
  const a = getAssessment(db, HISTORY_CRASH_ASSESSMENT)!;
  const codes = leavesOf(loadCriteriaSet(db, a.setHash)).slice(0, HISTORY_CRASH_LEAVES).map((v) => v.node.code);
  process.stdout.write('ready\n');
  waitForGo();
  for (let n = start; n < start + HISTORY_CRASH_RANGE; n++) {
    const status = getAssessment(db, HISTORY_CRASH_ASSESSMENT)!.status;
    if (status === 'final') moveStatus(db, HISTORY_CRASH_ASSESSMENT, { to: 'draft', reason: `r${n}` }, stamp(n));
    else if (n % 4 === 3) moveStatus(db, HISTORY_CRASH_ASSESSMENT, { to: 'final', details: { op: n } }, stamp(n));
    else saveAnswer(db, { assessmentId: HISTORY_CRASH_ASSESSMENT, code: codes[n % codes.length]!, answer: { input: null, notApplicable: false, explanation: `e${n}` } }, stamp(n));
    process.stdout.write(`ack ${n}\n`);
  }
  db.close();
}

const [file, start] = process.argv.slice(2);
if (file && start && /^\d+$/.test(start)) main(file, Number(start));
else {
  process.stderr.write('usage: history-crash-writer.ts <db file> <start counter>\n');
  process.exit(2);
}
