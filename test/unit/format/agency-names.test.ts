/** The ordinary form of an agency's name, derived from the capitals of the header. */
import { describe, expect, it } from 'vitest';
import { withAgencyDefaults } from '../../../shared/api/entities';
import { documentNumberLine, defaultDocSymbol } from '../../../shared/api/report-entities';
import { ordinaryAgencyName } from '../../../shared/format/agency-names';
import { agencyDraft as sampleAgency } from '../../helpers/agency-fixture';

describe('ordinaryAgencyName', () => {
  it.each([
    ['ỦY BAN NHÂN DÂN XÃ HÒA BÌNH', '', 'Ủy ban nhân dân xã Hòa Bình'],
    ['ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU', 'Đà Nẵng', 'Ủy ban nhân dân phường Hải Châu'],
    ['ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG', '', 'Ủy ban nhân dân thành phố Đà Nẵng'],
    ['SỞ NỘI VỤ', 'Đà Nẵng', 'Sở Nội vụ'],
    ['SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', '', 'Sở Tài nguyên và Môi trường'],
    ['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', '', 'Sở Văn hóa, Thể thao và Du lịch'],
    // The place name keeps the capitals the officer typed.
    ['ỦY BAN NHÂN DÂN XÃ EA H’LEO', 'Ea H’Leo', 'Ủy ban nhân dân xã Ea H’Leo'],
  ])('%s → %s', (name, place, expected) => {
    expect(ordinaryAgencyName(name, place)).toBe(expected);
  });

  it('fills the ordinary name and a commune abbreviation only when left blank', () => {
    const commune = sampleAgency({ name: 'ỦY BAN NHÂN DÂN XÃ HÒA BÌNH', level: 'commune', abbreviation: '', placeName: 'Hòa Bình' });
    expect(withAgencyDefaults(commune)).toMatchObject({ ordinaryName: 'Ủy ban nhân dân xã Hòa Bình', abbreviation: 'UBND' });
    expect(withAgencyDefaults({ ...commune, ordinaryName: 'UBND xã Hòa Bình', abbreviation: 'UBND-HB' })).toMatchObject({ ordinaryName: 'UBND xã Hòa Bình', abbreviation: 'UBND-HB' });
    expect(withAgencyDefaults(sampleAgency({ abbreviation: '' })).abbreviation).toBe('');
  });

  it('prints the number line with the per-level symbol', () => {
    expect(documentNumberLine('', defaultDocSymbol({ ordinaryName: 'Ủy ban nhân dân xã Hòa Bình', abbreviation: '', level: 'commune' }))).toBe('Số: …/BC-UBND');
    expect(documentNumberLine(' 12 ', 'BC-SNV')).toBe('Số: 12/BC-SNV');
  });
});
