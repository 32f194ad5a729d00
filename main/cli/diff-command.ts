/**
 * `par diff <a.json|a.xlsx> <b.json|b.xlsx> [--json] [--map <mã cũ>=<mã mới>|-]…`: the differences
 * between two criteria sets (added, removed, renumbered, moved, retitled, maxima and rules
 * changed, split, merged). `--map 1.2=1.3` says old 1.2 is new 1.3; `--map 1.2=-` says old 1.2 has
 * no counterpart. Both files are fully validated first.
 */
import { diffCriteriaSets, type CodeMapping } from '../../shared/domain/criteria-diff';
import { diffTextVi } from '../../shared/domain/criteria-diff-text';
import { EXIT_OK, printJson, UsageError, type CliIo } from './io';
import { readValidSetFile } from './set-file';

const USAGE = 'Cách dùng: par diff <cu.json|cu.xlsx> <moi.json|moi.xlsx> [--json] [--map <mã cũ>=<mã mới>|-]…';
const MAP_PATTERN = /^(\d{1,3}(?:\.\d{1,3}){0,3})=(\d{1,3}(?:\.\d{1,3}){0,3}|-)$/;

function parseArgs(args: string[]): { files: string[]; json: boolean; mapping: Record<string, string | null> } {
  const files: string[] = [];
  const mapping: Record<string, string | null> = {};
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--map') {
      const match = MAP_PATTERN.exec(args[++i] ?? '');
      if (!match) throw new UsageError(`"--map" cần dạng 1.2=1.3 (hoặc 1.2=- khi mục cũ không còn). ${USAGE}`);
      mapping[match[1]!] = match[2] === '-' ? null : match[2]!;
    } else if (arg.startsWith('--')) throw new UsageError(`Tham số không hợp lệ: ${arg}. ${USAGE}`);
    else files.push(arg);
  }
  if (files.length !== 2) throw new UsageError(USAGE);
  return { files, json, mapping };
}

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { files, json, mapping } = parseArgs(args);
  const [older, newer] = [await readValidSetFile(files[0]!), await readValidSetFile(files[1]!)];
  const diff = diffCriteriaSets(older, newer, mapping as CodeMapping);
  if (json) printJson(io, diff);
  else io.out.write(diffTextVi(diff, `${files[0]} (${older.id}, ${older.year})`, `${files[1]} (${newer.id}, ${newer.year})`));
  return EXIT_OK;
}
