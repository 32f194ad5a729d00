/** The one agency profile the tests create (a department of Đà Nẵng), with what a test changes. */
import type { AgencyDraft } from '../../shared/api/entities';

export function agencyDraft(overrides: Partial<AgencyDraft> = {}): AgencyDraft {
  return {
    superiorBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG',
    name: 'SỞ NỘI VỤ',
    ordinaryName: '',
    abbreviation: 'SNV',
    level: 'department',
    placeName: 'Đà Nẵng',
    signerAuthority: 'KT. GIÁM ĐỐC',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerName: 'Nguyễn Văn An',
    officerName: 'Trần Thị Bình',
    officerContact: '0236 3822 000',
    ...overrides,
  };
}
