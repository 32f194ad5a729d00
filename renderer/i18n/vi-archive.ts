/** Vietnamese strings: the whole-folder archive ("Xuất toàn bộ dữ liệu"). Part of vi.ts. */
export const viArchive = {
  'archive.title': 'Sao lưu toàn bộ dữ liệu ra một tệp',
  'archive.intro':
    'Ghi cơ sở dữ liệu và mọi tệp kiểm chứng vào một tệp .zip (kèm bảng kê mã SHA-256) để cất sang USB hoặc chuyển sang máy khác. Trên máy mới, mở tệp bằng "Khôi phục từ tệp" bên dưới (hoặc lệnh par restore <tệp.zip> --data <thư mục trống>).',
  'archive.export': 'Xuất toàn bộ dữ liệu',
  'archive.running': 'Đang ghi tệp sao lưu toàn bộ dữ liệu (có thể mất vài phút nếu có nhiều tệp kiểm chứng)…',
  'archive.done': 'Đã ghi tệp sao lưu toàn bộ dữ liệu',
  'archive.evidence': 'Tệp kiểm chứng',
  'archive.evidenceValue': '{count} tệp, {size}',
  'archive.failed': 'Chưa xuất được dữ liệu: {message}',
} as const;
