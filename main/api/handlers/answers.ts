import { saveAnswer } from '../../assessment/save-answer';
import type { HandlerRegistry } from '../dispatch';

export const answerHandlers: Pick<HandlerRegistry, 'answers:save'> = {
  'answers:save': (ctx, input) => saveAnswer(ctx.db, input, ctx.now()),
};
