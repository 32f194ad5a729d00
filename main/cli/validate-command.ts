/** `par validate <set.json|set.xlsx>`: checks a criteria-set file and prints what it holds or every problem. */
import { hashCriteriaSet } from '../criteria/hash-set';
import { EXIT_OK, EXIT_USER_ERROR, UsageError, type CliIo } from './io';
import { issueLines, readSetFile } from './set-file';

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1) throw new UsageError('Cách dùng: par validate <bo-chi-so.json|bo-chi-so.xlsx>');
  const file = args[0]!;
  const checked = await readSetFile(file);
  if (!checked.ok) {
    io.err.write(`Bộ chỉ số "${file}" không hợp lệ (${checked.issues.length} lỗi):\n${issueLines(checked.issues)}\n`);
    return EXIT_USER_ERROR;
  }
  const { set, stats } = checked;
  const { hash } = hashCriteriaSet(set);
  io.out.write(
    `Hợp lệ: ${set.title}\n` +
      `  mã ${set.id}, năm ${set.year}, cấp ${set.level === 'department' ? 'sở, ban, ngành' : 'xã, phường'}, trạng thái ${set.status}${set.status === 'sample' ? ' (Bộ chỉ số mẫu)' : ''}\n` +
      `  ${stats.fields} lĩnh vực, ${stats.nodes} nút, ${stats.leaves} tiêu chí chấm điểm; cách chấm: ${stats.ruleKinds.join(', ')}\n` +
      `  SHA-256: ${hash}\n`,
  );
  return EXIT_OK;
}
