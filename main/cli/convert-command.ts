/**
 * `par convert <in.json|in.xlsx> <out.json|out.xlsx|out.docx>`: converts a criteria set between the
 * JSON format and the .xlsx template (the output holds the same set: same SHA-256 of its canonical
 * JSON), or publishes it as the .docx appendix table (one way). The input is fully validated
 * first; nothing is written when it has a problem.
 */
import path from 'node:path';
import { hashCriteriaSet } from '../criteria/hash-set';
import { renderCriteriaSetFile } from '../criteria/export-set-file';
import { writeFileAtomic } from '../disk/atomic-write';
import { EXIT_OK, UsageError, UserError, type CliIo } from './io';
import { readValidSetFile, setFileKind } from './set-file';

export async function convertCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 2) throw new UsageError('Cách dùng: par convert <vao.json|vao.xlsx> <ra.json|ra.xlsx|phu-luc.docx>');
  const [input, output] = args as [string, string];
  const outKind = /\.docx$/i.test(output) ? 'docx' : setFileKind(output);
  if (path.resolve(input) === path.resolve(output)) throw new UserError('Tệp ra phải khác tệp vào.');
  const set = await readValidSetFile(input);
  const bytes = outKind === 'json' ? Buffer.from(`${JSON.stringify(set, null, 2)}\n`, 'utf8') : await renderCriteriaSetFile(set, outKind);
  await writeFileAtomic(path.resolve(output), bytes);
  io.out.write(`Đã ghi ${output} (${bytes.length} byte): ${set.title}\n  SHA-256: ${hashCriteriaSet(set).hash}\n`);
  return EXIT_OK;
}
