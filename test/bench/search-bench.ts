/**
 * Issue 3 figure: one search box over the criteria of an assessment and 10,000 evidence records
 * of its agency (p50/p95), beside a bare SQLite scan of the same rows measured in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { searchAssessment } from '../../main/assessment/search';
import { insertItem } from '../../main/store/queries/evidence';
import { listCriteriaSets } from '../../main/store/queries/criteria-sets';
import { insertAgency } from '../../main/store/queries/agencies';
import { insertAssessment } from '../../main/store/queries/assessments';
import { createAppContext } from '../../main/startup/app-context';

import { percentile, type BenchFigure } from './bench-results';
import { agencyDraft } from '../helpers/agency-fixture';

const SUBJECTS = ['Kế hoạch cải cách hành chính', 'Báo cáo kết quả đào tạo, bồi dưỡng', 'Quyết định công bố thủ tục hành chính', 'Công văn về chuyển đổi số', 'Thông báo kết luận kiểm tra công vụ'];
const QUERIES = ['ke hoach', 'dao tao', 'thu tuc hanh chinh', 'chuyen doi so', '125/KH', 'kiem tra cong vu nam 2025', 'khong co gi'];

export async function benchSearch(records = 10_000, rounds = 40): Promise<BenchFigure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-search-'));
  const ctx = createAppContext({ dataDir, mode: 'test' });
  try {
    const now = ctx.now();
    const agency = insertAgency(ctx.db, agencyDraft(), now);
    const set = listCriteriaSets(ctx.db).find((s) => s.level === 'department')!;
    const assessment = insertAssessment(ctx.db, { agencyId: agency.id, year: 2026, setHash: set.hash, now });
    ctx.db.transaction(() => {
      for (let i = 0; i < records; i++) {
        insertItem(ctx.db, agency.id, {
          docNumber: `${i + 1}/${['KH', 'BC', 'QĐ', 'CV', 'TB'][i % 5]}-UBND`,
          issuedOn: `202${i % 6}-0${(i % 9) + 1}-1${i % 9}`,
          issuer: i % 2 ? 'Sở Nội vụ' : 'UBND thành phố Đà Nẵng',
          docType: (['plan', 'report', 'decision', 'letter', 'notice'] as const)[i % 5]!,
          summary: `${SUBJECTS[i % SUBJECTS.length]} năm 202${i % 6}, đợt ${i}`,
        }, now);
      }
    })();
    const times: number[] = [];
    const bare: number[] = [];
    const scan = ctx.db.prepare("SELECT count(*) FROM evidence_items WHERE agency_id = ? AND summary LIKE '%zzz%'");
    for (let r = 0; r < rounds; r++) {
      for (const q of QUERIES) {
        const t0 = performance.now();
        searchAssessment(ctx.db, assessment.id, q);
        times.push(performance.now() - t0);
      }
      const t1 = performance.now();
      scan.get(agency.id);
      bare.push(performance.now() - t1);
    }
    const limit = percentile(bare, 50);
    const name = `search: criteria + ${records.toLocaleString('en')} evidence records`;
    const limitName = 'bare SQLite LIKE scan of the same rows, p50';
    return [
      { name: `${name}, p50`, value: percentile(times, 50), unit: 'ms', limitName, limit, ratio: percentile(times, 50) / limit },
      { name: `${name}, p95`, value: percentile(times, 95), unit: 'ms', limitName, limit, ratio: percentile(times, 95) / limit, target: '≤ 20 ms' },
    ];
  } finally {
    ctx.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
