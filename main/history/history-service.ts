/** Reading the history: one page (newest first, keyset paging on the index, so the first page of
 *  50,000 rows opens at once), and the filtered history as .xlsx under <data>/exports/ (rows read
 *  in one snapshot, written row by row with exceljs's streaming writer). Nothing here writes history:
 *  rows are only ever added by record.ts inside the change they describe. Each change goes out told
 *  in Vietnamese words (shared/domain/history-prose.ts), on screen and in the .xlsx alike. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type Database from 'better-sqlite3';
import type { ExportedFileView, HistoryEntry, HistoryFilter, HistoryPage } from '../../shared/api/channels/history';
import type { ScoringRule } from '../../shared/domain/criteria-set-schema';
import { walkSet } from '../../shared/domain/criteria-tree';
import { changeText, describeChange, type ProseContext } from '../../shared/domain/history-prose';
import { HISTORY_ACTION_VI, HISTORY_KIND_VI } from '../../shared/domain/history-labels';
import { requireAssessment } from '../assessment/assessment-view';
import { loadCriteriaSet } from '../criteria/set-cache';
import { fsyncFile } from '../disk/fsync';
import { fsyncFolder, renameWithRetry } from '../evidence/blob-store';
import { EXPORTS_FOLDER } from '../report/export-report';
import { historyCount, historyPage, historyRowsInOrder } from '../store/queries/history';

/** The labels of the assessment's leaves (rate numbers, levels, deductions) for telling its changes. */
const rulesBySet = new WeakMap<object, Map<string, ScoringRule>>();

function proseContext(db: Database.Database, setHash: string): ProseContext {
  const set = loadCriteriaSet(db, setHash);
  let rules = rulesBySet.get(set);
  if (!rules) {
    rules = new Map();
    for (const v of walkSet(set)) if (v.node.rule) rules.set(v.node.code, v.node.rule);
    rulesBySet.set(set, rules);
  }
  const found = rules;
  return { ruleOf: (code) => found.get(code) };
}

export function listHistory(db: Database.Database, req: { assessmentId: number; filter: HistoryFilter; beforeId: number | null; limit: number }): HistoryPage {
  return db.transaction((): HistoryPage => {
    const ctx = proseContext(db, requireAssessment(db, req.assessmentId).setHash);
    const rows: HistoryEntry[] = historyPage(db, req.assessmentId, req.filter, req.beforeId, req.limit + 1);
    const more = rows.length > req.limit;
    if (more) rows.pop();
    const entries = rows.map((e) => ({ ...e, change: describeChange(e, ctx) }));
    return { entries, nextBeforeId: more ? entries[entries.length - 1]!.id : null, total: historyCount(db, req.assessmentId, req.filter) };
  })();
}

const COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: 'STT', key: 'n', width: 7 },
  { header: 'Thời gian (UTC)', key: 'at', width: 24 },
  { header: 'Cán bộ', key: 'officer', width: 22 },
  { header: 'Loại thay đổi', key: 'kind', width: 24 },
  { header: 'Thao tác', key: 'action', width: 20 },
  { header: 'Tiêu chí', key: 'code', width: 10 },
  { header: 'Mã tài liệu', key: 'item', width: 11 },
  { header: 'Nội dung thay đổi', key: 'change', width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } },
  { header: 'Lý do', key: 'reason', width: 30 },
];

export async function exportHistory(db: Database.Database, dataDir: string, req: { assessmentId: number; filter: HistoryFilter }): Promise<ExportedFileView> {
  const a = requireAssessment(db, req.assessmentId);
  const dir = path.join(dataDir, EXPORTS_FOLDER);
  await fs.promises.mkdir(dir, { recursive: true });
  const fileName = `lich-su-thay-doi-${a.year}-${a.id}.xlsx`;
  const temp = path.join(dir, `.${fileName}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('Lịch sử thay đổi', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS;
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    let n = 0;
    const ctx = proseContext(db, a.setHash);
    const rows = db.transaction(() => [...historyRowsInOrder(db, req.assessmentId, req.filter)])();
    for (const e of rows) {
      n += 1;
      ws.addRow({ n, at: e.at, officer: e.officer, kind: HISTORY_KIND_VI[e.kind] ?? e.kind, action: HISTORY_ACTION_VI[e.action] ?? e.action, code: e.code ?? '', item: e.itemId ?? '', change: changeText(describeChange(e, ctx)), reason: e.reason }).commit();
    }
    ws.commit();
    await wb.commit();
    await fsyncFile(temp);
    await renameWithRetry(temp, path.join(dir, fileName));
    await fsyncFolder(dir);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
  const size = (await fs.promises.stat(path.join(dir, fileName))).size;
  return { fileName, size, downloadPath: `${EXPORTS_FOLDER}/${fileName}` };
}
