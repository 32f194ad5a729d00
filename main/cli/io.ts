/** Plumbing shared by the CLI commands: output streams, exit codes, size-limited file reads. */
import fs from 'node:fs';

export interface CliIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called (wrong arguments): exit code 2. */
export class UsageError extends Error {}
/** A problem with the user's data (bad file, invalid answer): exit code 1. */
export class UserError extends Error {}

export function readTextFile(file: string, maxBytes: number, what: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UserError(`Không đọc được ${what} "${file}": tệp không tồn tại.`);
  }
  if (!stat.isFile()) throw new UserError(`"${file}" không phải là tệp.`);
  if (stat.size === 0) throw new UserError(`${what} "${file}" là tệp rỗng (0 byte).`);
  if (stat.size > maxBytes) {
    throw new UserError(`${what} "${file}" quá lớn (${stat.size} byte; tối đa ${maxBytes} byte).`);
  }
  return fs.readFileSync(file, 'utf8');
}

export function printJson(io: CliIo, value: unknown): void {
  io.out.write(`${JSON.stringify(value, null, 2)}\n`);
}
