/** The Vietnamese messages of package verification and import, one function per problem, and the
 *  refusal error. A refusal is an AppFailure, so it passes unchanged through the evidence import
 *  stream (which turns other source errors into FILE_CHANGED). */
import { AppFailure } from '../../shared/api/result';
import { RESPONSE_PACKAGE_FORMAT } from '../../shared/api/channels/package';
import { LIMITS, MANIFEST_PATH, PACKAGE_FORMAT } from './format';

/** Names are shown JSON-quoted so control characters and odd bytes stay visible and harmless. */
export const quote = (name: string): string => JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);

export class PackageRefusal extends AppFailure {
  constructor(
    message: string,
    readonly entryPath: string | null = null,
  ) {
    super('INVALID_INPUT', message, entryPath ? { path: entryPath } : {});
    this.name = 'PackageRefusal';
  }
}

const GIB = 1024 ** 3;

export const msg = {
  emptyPackage: () => 'Tệp gói rỗng (0 byte), không phải gói hồ sơ.',
  notAZip: () => 'Tệp không phải gói hồ sơ .zip hợp lệ, hoặc đã bị cắt cụt (không tìm thấy phần mục lục cuối tệp).',
  damaged: () => 'Gói bị hỏng hoặc bị cắt cụt (cấu trúc zip không đọc được).',
  storedSizes: (n: string) => `Mục ${quote(n)} được lưu nguyên (không nén) nhưng dung lượng nén và dung lượng thật ghi khác nhau; gói bị hỏng hoặc bị sửa.`,
  localName: (n: string, local: string) =>
    `Mục ${quote(n)} mang tên khác (${quote(local)}) ở phần đầu mục so với mục lục zip: công cụ giải nén khác sẽ tạo ra tệp khác với tệp đã kiểm tra. Gói bị từ chối.`,
  localHeaderDiffers: (n: string) =>
    `Phần đầu mục ${quote(n)} ghi phương pháp nén, cờ, dung lượng hoặc mã CRC-32 khác với mục lục zip: công cụ giải nén khác sẽ đọc ra dữ liệu khác. Gói bị từ chối.`,
  bytesOutside: () => 'Gói có dữ liệu nằm ngoài các mục (trước, giữa hoặc sau các tệp trong zip), ví dụ một tệp chạy được ghép vào; gói bị từ chối.',
  lyingDirectory: () => 'Phần cuối gói ghi sai số mục hoặc vị trí mục lục zip (có mục bị giấu); gói bị từ chối.',
  tooManyEntries: (n: number) => `Gói có quá nhiều mục (${n}; tối đa ${LIMITS.maxEntries.toLocaleString('vi-VN')}).`,
  emptyName: () => 'Gói có một mục với tên rỗng.',
  driveLetter: (n: string) => `Mục ${quote(n)} mang ký tự ổ đĩa (như C:), có thể ghi ra ngoài thư mục đích; gói bị từ chối.`,
  absolutePath: (n: string) => `Mục ${quote(n)} là đường dẫn tuyệt đối, có thể ghi ra ngoài thư mục đích; gói bị từ chối.`,
  backslash: (n: string) => `Tên mục ${quote(n)} chứa dấu gạch ngược (\\), có thể bị hiểu thành thư mục trên Windows; gói bị từ chối.`,
  traversal: (n: string) => `Mục ${quote(n)} chứa đoạn "..", có thể ghi ra ngoài thư mục đích; gói bị từ chối.`,
  controlChars: (n: string) => `Tên mục ${quote(n)} chứa ký tự điều khiển; gói bị từ chối.`,
  oddSegments: (n: string) => `Tên mục ${quote(n)} có đoạn đường dẫn rỗng hoặc "."; gói bị từ chối.`,
  nameTooLong: (n: string) => `Tên mục ${quote(n)} quá dài (tối đa ${LIMITS.maxNameBytes} byte).`,
  invalidUtf8: (n: string) => `Tên mục ${quote(n)} không phải chuỗi UTF-8 hợp lệ; gói bị từ chối.`,
  notFlaggedUtf8: (n: string) => `Tên mục ${quote(n)} có ký tự ngoài ASCII nhưng không được đánh dấu UTF-8 (cờ bit 11), sẽ hiển thị sai; gói bị từ chối.`,
  conflictingNames: (n: string) => `Mục ${quote(n)} mang hai tên khác nhau (trường tên Unicode phụ không khớp tên chính); gói bị từ chối.`,
  symlink: (n: string) => `Mục ${quote(n)} là liên kết tượng trưng (symlink); gói bị từ chối.`,
  badDirectory: (n: string) => `Mục thư mục ${quote(n)} không phải thư mục thông thường (có dữ liệu hoặc thuộc tính lạ); gói bị từ chối.`,
  specialFile: (n: string) => `Mục ${quote(n)} không phải tệp thông thường (thiết bị, FIFO hoặc socket); gói bị từ chối.`,
  encrypted: (n: string) => `Mục ${quote(n)} được mã hóa; gói hồ sơ không dùng mã hóa nên bị từ chối.`,
  unsupportedMethod: (n: string, m: number) => `Mục ${quote(n)} dùng phương pháp nén không hỗ trợ (${m}); chỉ nhận "lưu nguyên" hoặc "deflate".`,
  duplicate: (n: string) => `Gói có hai mục trùng tên ${quote(n)}; gói bị từ chối.`,
  duplicateNfc: (a: string, b: string) =>
    `Hai mục ${quote(a)} và ${quote(b)} trùng tên khi chuẩn hóa Unicode (NFC/NFD, cách mã hóa dấu tiếng Việt); trên Windows/macOS chúng là cùng một tệp. Gói bị từ chối.`,
  duplicateOnWindows: (a: string, b: string) =>
    `Hai mục ${quote(a)} và ${quote(b)} trùng tên trên Windows/macOS (dấu chấm, khoảng trắng cuối tên hoặc chữ như "ſ"/"s", "ﬁ"/"fi" được coi là một); gói bị từ chối.`,
  duplicateCase: (a: string, b: string) =>
    `Hai mục ${quote(a)} và ${quote(b)} trùng tên khi không phân biệt chữ hoa, chữ thường; trên Windows/macOS chúng là cùng một tệp. Gói bị từ chối.`,
  fileDirClash: (n: string) => `Mục ${quote(n)} vừa là tệp vừa là thư mục trong gói; gói bị từ chối.`,
  entryTooLarge: (n: string, size: number) => `Mục ${quote(n)} quá lớn (${gib(size)}; tối đa ${gib(LIMITS.maxEntryBytes)} mỗi mục).`,
  totalTooLarge: (size: number) => `Tổng dung lượng sau giải nén của gói quá lớn (${gib(size)}; tối đa ${gib(LIMITS.maxTotalBytes)}).`,
  bomb: (n: string) =>
    `Mục ${quote(n)} có tỷ lệ nén bất thường (giải nén ra hơn 100 lần dung lượng nén sau 100 KiB đầu): nghi là "bom zip"; gói bị từ chối.`,
  overlapping: (n: string) => `Dữ liệu của mục ${quote(n)} chồng lên mục khác (kiểu "bom zip" chồng lớp); gói bị từ chối.`,
  sizeLie: (n: string) => `Dung lượng thật của mục ${quote(n)} khác với dung lượng ghi trong mục lục zip; gói bị hỏng hoặc bị sửa.`,
  dataDamaged: (n: string) => `Dữ liệu của mục ${quote(n)} bị hỏng hoặc bị cắt cụt.`,
  crcMismatch: (n: string) => `Mã kiểm tra CRC-32 của mục ${quote(n)} không khớp: dữ liệu bị hỏng.`,
  manifestMissing: () => `Gói không có tệp ${MANIFEST_PATH} (bảng kê các tệp), không phải gói hồ sơ của ứng dụng.`,
  manifestTooLarge: () => `Tệp ${MANIFEST_PATH} quá lớn (tối đa ${LIMITS.maxJsonBytes / 1024 / 1024} MB).`,
  manifestNotJson: (detail: string) => `Tệp ${MANIFEST_PATH} không phải JSON hợp lệ: ${detail}`,
  unknownFormat: (format: string) => `Gói theo định dạng ${quote(format)} mà phiên bản ứng dụng này không hỗ trợ (chỉ nhận "${PACKAGE_FORMAT}" và gói giải trình "${RESPONSE_PACKAGE_FORMAT}"). Hãy cập nhật ứng dụng.`,
  isDataArchive: () =>
    'Tệp này là tệp sao lưu toàn bộ dữ liệu (par-data-archive/v1), không phải gói hồ sơ. Hãy dùng "Khôi phục từ tệp" ở màn hình "Sao lưu và khôi phục" (hoặc lệnh par restore).',
  manifestInvalid: (detail: string) => `Tệp ${MANIFEST_PATH} sai cấu trúc: ${detail}`,
  manifestDuplicate: (n: string) => `${MANIFEST_PATH} liệt kê tệp ${quote(n)} hai lần.`,
  manifestUnexpectedPath: (n: string) => `${MANIFEST_PATH} liệt kê ${quote(n)}, không thuộc cấu trúc gói hồ sơ.`,
  manifestLacks: (n: string) => `${MANIFEST_PATH} không liệt kê tệp bắt buộc ${quote(n)}.`,
  missing: (n: string) => `Thiếu tệp ${quote(n)}: có trong ${MANIFEST_PATH} nhưng không có trong gói.`,
  extra: (n: string) => `Tệp thừa ${quote(n)}: có trong gói nhưng không có trong ${MANIFEST_PATH}.`,
  sizeDiffers: (n: string, listed: number, actual: number) =>
    `Tệp ${quote(n)} đã bị thay đổi: ${MANIFEST_PATH} ghi ${listed} byte nhưng trong gói có ${actual} byte.`,
  hashDiffers: (n: string) => `Tệp ${quote(n)} đã bị thay đổi: mã SHA-256 tính lại không khớp với ${MANIFEST_PATH}.`,
  emptyEvidence: (n: string) => `Tệp kiểm chứng ${quote(n)} rỗng (0 byte).`,
  nestedArchive: (n: string) => `Tệp ${quote(n)} thực chất là một tệp nén (zip) lồng bên trong, không đúng loại theo đuôi tên; gói lồng nhau không bao giờ được giải nén. Gói bị từ chối.`,
  wrongType: (detail: string) => `${detail} Gói bị từ chối.`,
  setHashMismatch: (listed: string, actual: string) =>
    `Mã băm bộ chỉ số không khớp: ${MANIFEST_PATH} ghi ${listed.slice(0, 12)}…, nội dung criteria-set.json cho ${actual.slice(0, 12)}…`,
  setInvalid: (detail: string) => `Tệp criteria-set.json không phải bộ chỉ số hợp lệ: ${detail}`,
  assessmentInvalid: (detail: string) => `Tệp assessment.json không hợp lệ: ${detail}`,
  responseInvalid: (detail: string) => `Tệp giai-trinh.json không hợp lệ: ${detail}`,
  hostileDisplayName: (name: string, path: string) =>
    `Tên hiển thị ${quote(name)} của tệp ${quote(path)} trong assessment.json không phải tên tệp hợp lệ (ký tự điều khiển, đường dẫn, tên dành riêng của Windows hoặc đuôi khác với tệp trong gói); gói bị từ chối.`,
  hostileMediaType: (name: string, mediaType: string) => `Loại nội dung ${quote(mediaType)} ghi cho tệp ${quote(name)} trong assessment.json không khớp với đuôi tên tệp; gói bị từ chối.`,
  mismatch: (detail: string) => `Nội dung gói không thống nhất: ${detail}`,
  totalsDiffer: (listed: string, actual: string) => `Tổng điểm ghi trong ${MANIFEST_PATH} (${listed}) không khớp với kết quả tính lại từ các câu trả lời (${actual}).`,
};

function gib(bytes: number): string {
  return `${(bytes / GIB).toFixed(2).replace('.', ',')} GiB`;
}
