/**
 * dispatch: the single entry for every channel, used by Electron IPC, the web bridge, the CLI
 * and the tests alike. It validates the input with the channel's strict schema (its issues in
 * Vietnamese), runs the handler, and wraps the outcome in a Result. Errors never leak stack traces.
 */
import { contract, type Channel, type OutputOf, type ParsedInputOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { HandlerContext } from '../context/handler-context';
import { resultOf } from './result-of';
import { FOLDER_JOB_CHANNELS } from '../../shared/api/channels/data-folder';
import { vietnameseErrorMap } from '../../shared/domain/zod-issue-messages';

export type Handler<C extends Channel> = (ctx: HandlerContext, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
export type HandlerRegistry = { [C in Channel]: Handler<C> };

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

function describeZodPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

export async function dispatch(
  registry: HandlerRegistry,
  ctx: HandlerContext,
  channel: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Yêu cầu không hợp lệ.' } };
  }
  const parsed = contract[channel].input.safeParse(rawInput ?? {}, { error: vietnameseErrorMap });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: describeZodPath(i.path), message: i.message }));
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Dữ liệu nhập không hợp lệ.', path: issues[0]?.path, issues },
    };
  }
  const handler = registry[channel] as Handler<typeof channel>;
  return resultOf(`[dispatch] ${channel}`, async () => {
    // While a move or restore holds the data folder, every other request is refused (folder-work.ts).
    const leave = FOLDER_JOB_CHANNELS.includes(channel) ? () => {} : ctx.folderWork.enter();
    try {
      return await handler(ctx, parsed.data as never);
    } finally {
      leave();
    }
  });
}
