/**
 * The report's data tables are written into word/document.xml row by row (grid.ts,
 * streamed-docx.ts) instead of through docx's whole-document XML: every row is there, in place,
 * escaped, and no placeholder is left. A real report model from a real database.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../main/report/docx/build-model';
import type { ReportEvidence, ReportModel } from '../../../main/report/docx/model';
import { renderReportDocx } from '../../../main/report/docx/render';
import { documentChunks } from '../../../main/report/docx/streamed-docx';
import { gridTable, xmlText as escapeXml } from '../../../main/report/docx/grid';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { docxParts, tableRows, xmlText } from '../../helpers/docx-xml';
import { departmentAssessment } from '../../helpers/report-assessment';

const EVIDENCE = 2000;
const HOSTILE = '  Báo cáo <b>&amp; "trích yếu"\u0001 ';

let h: Harness;
let model: ReportModel;

function evidence(i: number): ReportEvidence {
  return {
    docNumber: `${100 + i}/KH-SNV`,
    issuedOn: '2026-03-01',
    summary: i === 7 ? HOSTILE : `Kế hoạch số ${i}`,
    files: [{ name: `tep-${i}.pdf`, size: 1000 + i, sha256: createHash('sha256').update(String(i)).digest('hex') }],
  };
}

beforeAll(async () => {
  h = createHarness();
  const { assessmentId } = await departmentAssessment(h, { complete: true });
  const base = buildReportModel(h.ctx.db, assessmentId, h.ctx.now());
  const leaves = base.rows.filter((r) => r.isLeaf && !r.survey);
  const rows = base.rows.map((r) => ({ ...r, evidence: [] as ReportEvidence[] }));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (let i = 0; i < EVIDENCE; i++) byCode.get(leaves[i % leaves.length]!.code)!.evidence.push(evidence(i));
  model = { ...base, rows };
});
afterAll(() => h.dispose());

describe('streamed report tables', () => {
  it('writes every table row in place, with no placeholder left', async () => {
    const { document } = docxParts(await renderReportDocx(model));
    expect(document).not.toContain('parGrid');
    expect(document.startsWith('<?xml')).toBe(true);
    expect(document.endsWith('</w:document>')).toBe(true);
    const rows = tableRows(document);
    // Appendix 2: one row per file, numbered 1 to 2,000, and it is the document's last table.
    const fileRows = rows.filter((r) => xmlText(r).includes('tep-'));
    expect(fileRows).toHaveLength(EVIDENCE);
    expect(xmlText(fileRows[0]!)).toMatch(/^1\d/);
    expect(xmlText(rows.at(-1)!)).toMatch(new RegExp(`^${EVIDENCE}\\d`));
    expect(xmlText(document).indexOf('Phụ lục 2')).toBeLessThan(xmlText(document).indexOf(xmlText(fileRows[0]!)));
  });

  it('escapes the officer’s text and drops characters XML forbids', async () => {
    const { document } = docxParts(await renderReportDocx(model));
    expect(document).not.toContain('\u0001');
    expect(document).not.toContain('<b>');
    expect(document).toContain('Báo cáo &lt;b&gt;&amp;amp; &quot;trích yếu&quot;');
    expect(escapeXml('a<b>&"c"\u0000')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    const spaced = gridTable([100], [{ text: 'A' }], [[{ text: ' lề ' }]], { size: 24 });
    expect([...spaced.xmlChunks()].join('')).toContain('<w:t xml:space="preserve"> lề </w:t>');
  });

  it('refuses a document whose placeholder went missing (never a report without its table)', () => {
    const table = gridTable([100], [{ text: 'A' }], [[{ text: 'x' }]], { size: 24 });
    const chunks = documentChunks('<w:body></w:body>', new Map([[table.gridId, table]]));
    expect(() => [...chunks]).toThrow(/placeholder/);
    const placed = [...documentChunks(`<w:body><w:tbl><parGrid id="${table.gridId}"/></w:tbl></w:body>`, new Map([[table.gridId, table]]))].join('');
    expect(placed).toMatch(/^<w:body><w:tbl><w:tblPr>.*<w:t>x<\/w:t>.*<\/w:tbl><\/w:body>$/);
  });
});
