/** The layout of the .xlsx appraisal form, shared by its writer and its reader: the details block
 *  at the top (label in column A, value in column B), then the table shaped like the report's
 *  Appendix 1 with the council's four columns after it. */
export const FORM_SHEET = 'Thẩm định';

export const FORM_LABELS = {
  agency: 'Cơ quan',
  abbreviation: 'Tên viết tắt',
  year: 'Năm đánh giá',
  setHash: 'Mã bộ chỉ số (SHA-256)',
  round: 'Vòng thẩm định',
  appraisedOn: 'Ngày thẩm định (dd/mm/yyyy)',
  council: 'Hội đồng thẩm định',
} as const;

export const FORM_HEADER = [
  'STT',
  'Lĩnh vực/tiêu chí/tiêu chí thành phần',
  'Điểm tối đa',
  'Điểm tự đánh giá',
  'Tài liệu kiểm chứng (số/ký hiệu, ngày, trích yếu)',
  'Giải trình',
  'Điểm thẩm định',
  'Ý kiến thẩm định',
  'Đề nghị (giải trình / bổ sung tài liệu)',
  'Hạn (dd/mm/yyyy)',
] as const;

/** 1-based columns the council fills. */
export const COUNCIL_COLUMNS = { points: 7, comment: 8, request: 9, deadline: 10 } as const;
export const COLUMN_LETTERS = 'ABCDEFGHIJ';

/** What the council writes in the request column, and what it means. */
export const REQUEST_WORDS = { explain: 'Giải trình', 'add-evidence': 'Bổ sung tài liệu' } as const;
