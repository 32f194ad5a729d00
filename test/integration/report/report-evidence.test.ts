/** The report lists the evidence that backs each criterion, and Appendix 2 lists every file with
 *  its size and the first 12 hex digits of its SHA-256 (as in the package manifest). */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importEvidenceFile } from '../../../main/evidence/import-file';
import { produceReport } from '../../../main/report/export-report';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { docxParts, xmlText } from '../../helpers/docx-xml';
import { departmentAssessment } from '../../helpers/report-assessment';
import { chunked } from '../../helpers/evidence-temp';
import { makePdf } from '../../helpers/sample-documents';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());


it('shows linked evidence in Appendix 1 and every file with its hash in Appendix 2', async () => {
  const { assessmentId, set } = await departmentAssessment(h, { complete: true });
  const code = set.fields[0]!.children![0]!.children?.[0]?.code ?? set.fields[0]!.children![0]!.code;
  const { item } = await h.call('evidence:create', {
    assessmentId,
    code,
    draft: { docNumber: '125/KH-UBND', issuedOn: '2026-01-05', issuer: 'UBND thành phố', docType: 'plan', summary: 'Kế hoạch cải cách hành chính năm 2026' },
  });
  const pdf = makePdf('Ke hoach 2026');
  await importEvidenceFile(h.ctx.db, h.dataDir, { itemId: item!.id, fileName: 'ke-hoach-cchc-2026.pdf', source: chunked(pdf), now: h.ctx.now() });
  const report = await produceReport(h.ctx.db, { assessmentId, final: false, format: 'docx' }, h.ctx.now());
  const text = xmlText((await docxParts(report.bytes)).document);
  expect(text).toContain('125/KH-UBND');
  expect(text).toContain('05/01/2026');
  expect(text).toContain('ke-hoach-cchc-2026.pdf');
  expect(text).toContain(createHash('sha256').update(pdf).digest('hex').slice(0, 12));
  expect(text).not.toContain('Chưa có tài liệu kiểm chứng.');
});
