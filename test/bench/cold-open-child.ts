/** One cold open in a fresh process (no cached sets, no warm statements): prints {"ms": …}. */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { buildAssessmentView } from '../../main/assessment/assessment-view';
import { databasePath, openDatabase } from '../../main/store/open';

const [dataDir, mode, assessmentId] = process.argv.slice(2) as [string, 'app' | 'bare', string];
const file = databasePath(dataDir);
const t0 = performance.now();
if (mode === 'app') {
  const db = openDatabase(file);
  const view = buildAssessmentView(db, Number(assessmentId));
  if (view.answers.length === 0) throw new Error('no answers read');
  db.close();
} else {
  const db = new Database(path.resolve(file), { readonly: true });
  db.prepare('SELECT count(*) AS n FROM answers').get();
  db.close();
}
console.log(JSON.stringify({ ms: performance.now() - t0 }));
