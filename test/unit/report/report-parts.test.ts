/** Pure pieces of the report: recipients, file names, sizes, heading lines, what is missing,
 *  finding LibreOffice. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRecipients, normalizeRecipients } from '../../../shared/api/report-entities';
import { formatBytesVi } from '../../../shared/format/numbers';
import { evidenceLine } from '../../../main/report/docx/format';
import { missingLines } from '../../../main/assessment/missing-lines';
import { balancedLines } from '../../../main/report/docx/text';
import { findSoffice } from '../../../main/report/libreoffice';
import { asciiSlug, reportFileName } from '../../../main/report/report-file-name';

const snv = { ordinaryName: 'Sở Nội vụ', abbreviation: 'SNV', level: 'department' } as const;

describe('recipients ("Nơi nhận")', () => {
  it('defaults to Sở Nội vụ, the leadership and the filing line', () => {
    expect(defaultRecipients(snv)).toEqual(['- Sở Nội vụ (để báo cáo);', '- Lãnh đạo SNV;', '- Lưu: VT, SNV.']);
    // A commune that left the abbreviation blank files under UBND, never under its name in capitals.
    expect(defaultRecipients({ ordinaryName: 'Ủy ban nhân dân phường Hải Châu', abbreviation: '', level: 'commune' }).at(-1)).toBe('- Lưu: VT, UBND.');
  });

  it('drops blank lines and always ends with one "- Lưu: VT, …" line', () => {
    expect(normalizeRecipients([' - UBND thành phố; ', '', '- Sở Nội vụ;'], snv)).toEqual(['- UBND thành phố;', '- Sở Nội vụ;', '- Lưu: VT, SNV.']);
    expect(normalizeRecipients(['- Lưu: VT, VP.', '- Sở Nội vụ;'], snv)).toEqual(['- Sở Nội vụ;', '- Lưu: VT, VP.']);
    expect(normalizeRecipients([], snv)).toEqual(['- Lưu: VT, SNV.']);
  });
});

describe('file names and texts', () => {
  it('names exports in readable ASCII', () => {
    expect(reportFileName({ year: 2026, agencyAbbreviation: 'SNV', agencyName: 'SỞ NỘI VỤ', draft: true, format: 'docx' })).toBe('bao-cao-tu-danh-gia-cchc-2026-snv-du-thao.docx');
    expect(reportFileName({ year: 2026, agencyAbbreviation: '', agencyName: 'ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU', draft: false, format: 'pdf' })).toBe(
      'bao-cao-tu-danh-gia-cchc-2026-uy-ban-nhan-dan-phuong-hai-chau.pdf',
    );
    expect(asciiSlug('Đ/Ắ ../..\\x')).toBe('d-a-x');
    expect(asciiSlug('???')).toBe('co-quan');
  });

  it('writes sizes with a decimal comma and evidence as "Số …, ngày …: trích yếu"', () => {
    expect([formatBytesVi(512), formatBytesVi(1536), formatBytesVi(3.4 * 2 ** 20), formatBytesVi(1.25 * 2 ** 30)]).toEqual(['512 B', '1,5 KB', '3,4 MB', '1,3 GB']);
    expect(evidenceLine({ docNumber: '12/KH-SNV', issuedOn: '2026-01-05', summary: 'Kế hoạch CCHC năm 2026', files: [] })).toBe('Số 12/KH-SNV ngày 05/01/2026: Kế hoạch CCHC năm 2026');
    expect(evidenceLine({ docNumber: '', issuedOn: null, summary: '', files: [] })).toBe('(tài liệu chưa ghi số, ngày, trích yếu)');
  });

  it('breaks header names into balanced lines', () => {
    expect(balancedLines('ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG', 21)).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ ĐÀ NẴNG']);
    expect(balancedLines('SỞ NỘI VỤ', 21)).toEqual(['SỞ NỘI VỤ']);
  });

  it('says what is missing, one line per kind', () => {
    expect(missingLines({ unansweredCodes: [], needsExplanationCodes: [] })).toEqual([]);
    expect(missingLines({ unansweredCodes: ['1.2.1', '3.1'], needsExplanationCodes: ['2.1.1'] })).toEqual([
      'Còn 2 tiêu chí chưa chấm: 1.2.1, 3.1.',
      'Còn 1 tiêu chí cần giải trình (có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình): 2.1.1.',
    ]);
  });
});

describe('findSoffice', () => {
  it('finds soffice or libreoffice on PATH, honours PAR_SOFFICE, and returns null otherwise', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-soffice-'));
    try {
      expect(findSoffice({ PATH: dir }, 'linux')).toBeNull();
      const bin = path.join(dir, 'libreoffice');
      fs.writeFileSync(bin, '#!/bin/sh\n', { mode: 0o755 });
      expect(findSoffice({ PATH: dir }, 'linux')).toBe(bin);
      expect(findSoffice({ PATH: dir, PAR_SOFFICE: path.join(dir, 'none') }, 'linux')).toBeNull();
      expect(findSoffice({ PATH: '', PAR_SOFFICE: bin }, 'linux')).toBe(bin);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
