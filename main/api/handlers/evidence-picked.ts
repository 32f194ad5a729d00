/** Desktop "Chọn tệp" (main/evidence/picked-import.ts): pick, import by id, poll, cancel. */
import { importPickedFile, pickEvidenceFiles } from '../../evidence/picked-import';
import type { HandlerRegistry } from '../dispatch';

export type PickedChannel = 'evidence:pickFiles' | 'evidence:importPicked' | 'evidence:pickedProgress' | 'evidence:cancelPicked';

export const pickedEvidenceHandlers: Pick<HandlerRegistry, PickedChannel> = {
  'evidence:pickFiles': (ctx) => pickEvidenceFiles(ctx),
  'evidence:importPicked': (ctx, input) => importPickedFile(ctx, input),
  'evidence:pickedProgress': (ctx, { pickIds }) => ({ progress: ctx.picked.progress(pickIds) }),
  'evidence:cancelPicked': (ctx, { pickId }) => ({ cancelled: ctx.picked.cancel(pickId) }),
};
