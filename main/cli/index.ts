/** The command line for power users and Sở Nội vụ staff. Exit 0 = success, 1 = a problem with the
 *  user's files or data (with a clear message), 2 = the command was called wrongly. */
import { AppFailure } from '../../shared/api/result';
import { backupCommand, restoreCommand } from './backup-command';
import { convertCommand } from './convert-command';
import { diffCommand } from './diff-command';
import { exportPackageCommand } from './export-package-command';
import { exportReportCommand } from './export-report-command';
import { importPackageCommand } from './import-package-command';
import { moveDataCommand } from './move-data-command';
import { EXIT_USAGE, EXIT_USER_ERROR, UsageError, UserError, type CliIo } from './io';
import { scoreCommand } from './score-command';
import { validateCommand } from './validate-command';
import { verifyPackageCommand } from './verify-package-command';

const HELP = `Cách dùng / Usage: par <lệnh> [tham số]

  par validate <bo-chi-so.json|.xlsx>            Kiểm tra tệp bộ chỉ số (par-criteria-set/v1 hoặc mẫu Excel)
  par convert <vao.json|.xlsx> <ra.json|.xlsx|.docx>
                                                 Chuyển bộ chỉ số giữa JSON và mẫu Excel, hoặc ra bảng phụ lục Word (kiểm tra trước khi ghi)
  par diff <cu.json|.xlsx> <moi.json|.xlsx> [--json] [--map <mã cũ>=<mã mới>|-]
                                                 So sánh hai bộ chỉ số: thêm, bỏ, đổi số, chuyển, đổi tên, đổi điểm, tách, gộp
  par score <bo-chi-so.json> <ket-qua.json>      Tính tổng điểm từ tệp kết quả chấm (par-answers/v1), in JSON
  par export-report [--data <thư-mục>] --assessment <mã> --out <tệp.docx|tệp.pdf> [--final]
                                                 Xuất báo cáo tự đánh giá (bản chính thức với --final);
                                                 thư mục dữ liệu mặc định: PAR_DATA_DIR hoặc thư mục của ứng dụng
  par export-package [--data <thư-mục>] --assessment <mã> --out <gói.zip>
                                                 Xuất gói hồ sơ nộp Sở Nội vụ (báo cáo, dữ liệu, tài liệu kiểm chứng)
  par verify <gói.zip> [--json]                  Kiểm tra gói hồ sơ: tính lại mọi mã SHA-256, báo tệp thiếu, thừa, bị sửa
  par import-package [--data <thư-mục>] [--overwrite] <gói.zip>
                                                 Nhập gói hồ sơ vào thư mục dữ liệu (kiểm tra trước khi nhập)
  par backup [--data <thư-mục>] --out <tệp.zip>  Ghi toàn bộ dữ liệu (cơ sở dữ liệu và mọi tệp kiểm chứng) vào một tệp sao lưu
  par restore <tệp.zip> --data <thư-mục>         Khôi phục tệp sao lưu toàn bộ dữ liệu vào thư mục trống hoặc thư mục mới
                                                 (kiểm tra mọi mã SHA-256 trước khi ghi)
  par move-data [--data <thư-mục>] --to <thư-mục-mới>
                                                 Chuyển thư mục dữ liệu sang chỗ khác (ví dụ ổ D:), kiểm tra rồi mới dùng;
                                                 thư mục cũ được giữ nguyên để dự phòng
  par help                                       Hiện hướng dẫn này
`;

type Command = (args: string[], io: CliIo) => number | Promise<number>;
const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  convert: convertCommand,
  diff: diffCommand,
  score: scoreCommand,
  'export-report': exportReportCommand,
  'export-package': exportPackageCommand,
  verify: verifyPackageCommand,
  'import-package': importPackageCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'move-data': moveDataCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out.write(HELP);
    return name ? 0 : EXIT_USAGE;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err.write(`Lệnh không tồn tại: "${name}".\n\n${HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await command(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err.write(`${err.message}\n`);
      return EXIT_USAGE;
    }
    if (err instanceof UserError || err instanceof AppFailure) {
      io.err.write(`Lỗi: ${err.message}\n`);
      return EXIT_USER_ERROR;
    }
    throw err;
  }
}
