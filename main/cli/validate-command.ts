/** `par validate <set.json>`: checks a criteria-set file and prints what it holds or every problem. */
import { MAX_CRITERIA_SET_BYTES } from '../../shared/api/contract';
import { validateCriteriaSetText } from '../../shared/domain/validate-criteria-set';
import { hashCriteriaSet } from '../criteria/hash-set';
import { EXIT_OK, EXIT_USER_ERROR, readTextFile, UsageError, type CliIo } from './io';

export function validateCommand(args: string[], io: CliIo): number {
  if (args.length !== 1) throw new UsageError('Cách dùng: par validate <bo-chi-so.json>');
  const file = args[0]!;
  const checked = validateCriteriaSetText(readTextFile(file, MAX_CRITERIA_SET_BYTES, 'Bộ chỉ số'));
  if (!checked.ok) {
    io.err.write(`Bộ chỉ số "${file}" không hợp lệ (${checked.issues.length} lỗi):\n`);
    for (const issue of checked.issues) io.err.write(`  - ${issue.path || '(gốc)'}: ${issue.message}\n`);
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
