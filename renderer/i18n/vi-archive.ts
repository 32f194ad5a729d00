/** Vietnamese strings: the whole-folder archive ("Xuất toàn bộ dữ liệu"). Part of vi.ts. */
export const viArchive = {
  'archive.title': 'Sao lưu toàn bộ dữ liệu ra một tệp',
  'archive.intro':
    'Ghi cơ sở dữ liệu và mọi tệp kiểm chứng vào một tệp .zip (kèm bảng kê mã SHA-256) để cất sang USB hoặc chuyển sang máy khác. Trên máy mới, khôi phục bằng lệnh: par restore <tệp.zip> --data <thư mục trống>.',
  'archive.export': 'Xuất toàn bộ dữ liệu',
  'archive.running': 'Đang ghi tệp sao lưu toàn bộ dữ liệu (có thể mất vài phút nếu có nhiều tệp kiểm chứng)…',
  'archive.done': 'Đã ghi tệp sao lưu toàn bộ dữ liệu',
  'archive.evidence': 'Tệp kiểm chứng',
  'archive.evidenceValue': '{count} tệp, {size}',
  'archive.failed': 'Chưa xuất được dữ liệu: {message}',
  'archive.move.title': 'Chọn thư mục dữ liệu',
  'archive.move.hint':
    'Để chuyển dữ liệu sang ổ khác (ví dụ ổ D: khi ổ C: đầy): đóng ứng dụng, chạy lệnh par move-data --to <thư mục mới, trống>, rồi mở lại. Lệnh kiểm tra mọi tệp ở chỗ mới trước khi dùng và giữ nguyên thư mục cũ để dự phòng. Việc chuyển không làm được khi ứng dụng đang chạy trên thư mục này.',
} as const;
