/** When moving the data folder ("Chọn thư mục dữ liệu") is refused, from facts gathered before
 *  anything is written. Pure: the path module is a parameter so Windows paths are tested on Linux. */
import nodePath from 'node:path';

export interface MoveFacts {
  from: string;
  to: string;
  /** null: nothing there yet; otherwise how many entries the target folder holds. */
  targetEntries: number | null;
  targetIsFile: boolean;
  /** A folder could be created where the target goes. */
  writable: boolean;
  freeBytes: number;
  neededBytes: number;
}

const mb = (bytes: number): string => `${Math.ceil(bytes / 1024 / 1024).toLocaleString('vi-VN')} MB`;

/** Separator-aware: `D:\\du-lieu2` is not inside `D:\\du-lieu`; on Windows case does not matter. */
export function isSameOrInside(parent: string, child: string, p: typeof nodePath = nodePath): boolean {
  const rel = p.relative(p.resolve(parent), p.resolve(child));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel));
}

export function moveRefusal(f: MoveFacts, p: typeof nodePath = nodePath): string | null {
  if (isSameOrInside(f.from, f.to, p)) return `Thư mục mới "${f.to}" là thư mục dữ liệu hiện tại hoặc nằm bên trong nó. Hãy chọn một thư mục ở chỗ khác (ví dụ trên ổ D:). Không có gì bị thay đổi.`;
  if (isSameOrInside(f.to, f.from, p)) return `Thư mục dữ liệu hiện tại nằm bên trong "${f.to}". Hãy chọn một thư mục mới, trống, ở chỗ khác. Không có gì bị thay đổi.`;
  if (f.targetIsFile) return `"${f.to}" là một tệp, không phải thư mục. Hãy chọn một thư mục trống hoặc một thư mục mới. Không có gì bị thay đổi.`;
  if (f.targetEntries !== null && f.targetEntries > 0) return `Thư mục "${f.to}" không trống. Hãy chọn một thư mục trống hoặc một thư mục mới để không trộn lẫn với tệp khác. Không có gì bị thay đổi.`;
  if (!f.writable) return `Không ghi được vào "${f.to}" (ổ đĩa hoặc thư mục chỉ cho phép đọc, hoặc không có quyền ghi). Hãy chọn thư mục khác. Không có gì bị thay đổi.`;
  if (f.freeBytes < f.neededBytes) return `Ổ đĩa của "${f.to}" không đủ chỗ trống: cần khoảng ${mb(f.neededBytes)}, còn ${mb(f.freeBytes)}. Hãy giải phóng dung lượng hoặc chọn ổ khác. Không có gì bị thay đổi.`;
  return null;
}
