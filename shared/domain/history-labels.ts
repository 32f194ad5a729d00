/** Vietnamese names of history kinds and actions, for documents written by main (the .xlsx export);
 *  the screens take theirs from renderer/i18n (same words). */
export const HISTORY_KIND_VI: Readonly<Record<string, string>> = {
  answer: 'Chấm điểm, giải trình',
  evidence: 'Tài liệu kiểm chứng',
  file: 'Tệp đính kèm',
  link: 'Liên kết tài liệu với tiêu chí',
  report: 'Thông tin báo cáo',
  status: 'Trạng thái',
  import: 'Nhập gói hồ sơ',
};

export const HISTORY_ACTION_VI: Readonly<Record<string, string>> = {
  save: 'Lưu',
  create: 'Tạo mới',
  edit: 'Sửa',
  delete: 'Xóa',
  add: 'Thêm tệp',
  remove: 'Gỡ tệp',
  link: 'Gắn vào tiêu chí',
  unlink: 'Bỏ khỏi tiêu chí',
  overwrite: 'Ghi đè bằng gói',
  result: 'Sửa kết quả công bố',
  draft: 'Mở khóa (về đang soạn)',
  final: 'Khóa',
  submitted: 'Nộp báo cáo',
  appraised: 'Ghi nhận thẩm định',
  closed: 'Ghi kết quả công bố',
  appraisal: 'Nhập kết quả thẩm định',
  response: 'Giải trình theo đề nghị thẩm định',
  'response-link': 'Gắn tài liệu trả lời thẩm định',
  'response-unlink': 'Bỏ tài liệu trả lời thẩm định',
};
