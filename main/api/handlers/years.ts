import { createNextYear, planNextYear } from '../../years/next-year';
import { decideOneSuggestion, listSuggestions } from '../../years/suggestions';
import { exportYearComparison } from '../../years/year-comparison-document';
import { compareYears } from '../../years/year-over-year';
import type { HandlerRegistry } from '../dispatch';

type YearChannel = Extract<keyof HandlerRegistry, `years:${string}`>;

export const yearHandlers: Pick<HandlerRegistry, YearChannel> = {
  'years:planNext': (ctx, input) => planNextYear(ctx.db, input),
  'years:createNext': (ctx, input) => createNextYear(ctx.db, input, ctx.now()),
  'years:suggestions': (ctx, { assessmentId }) => listSuggestions(ctx.db, assessmentId),
  'years:decideSuggestion': (ctx, input) => decideOneSuggestion(ctx.db, input, ctx.now()),
  'years:compare': (ctx, { agencyId }) => compareYears(ctx.db, agencyId),
  'years:exportCompare': (ctx, { agencyId }) => exportYearComparison(ctx.db, ctx.dataDir, agencyId),
};
