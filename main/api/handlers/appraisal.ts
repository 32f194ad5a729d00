import { buildAppraisalView } from '../../appraisal/appraisal-view';
import { exportAppraisalForm } from '../../appraisal/form-export';
import { addResponseNewDocument, linkResponseDocument, saveResponse, unlinkResponseDocument } from '../../appraisal/respond';
import { exportResponseDocx } from '../../appraisal/response-docx';
import { exportResponsePackageToDataDir } from '../../package/export-response-package';
import type { HandlerRegistry } from '../dispatch';

type AppraisalChannel = Extract<keyof HandlerRegistry, `appraisal:${string}`>;

export const appraisalHandlers: Pick<HandlerRegistry, AppraisalChannel> = {
  'appraisal:get': (ctx, { assessmentId }) => buildAppraisalView(ctx.db, assessmentId),
  'appraisal:respond': (ctx, input) => saveResponse(ctx.db, input, ctx.now()),
  'appraisal:linkDocument': (ctx, input) => linkResponseDocument(ctx.db, input, ctx.now()),
  'appraisal:unlinkDocument': (ctx, input) => unlinkResponseDocument(ctx.db, input, ctx.now()),
  'appraisal:addDocument': (ctx, input) => addResponseNewDocument(ctx.db, input, ctx.now()),
  'appraisal:exportForm': (ctx, { assessmentId }) => exportAppraisalForm(ctx.db, ctx.dataDir, assessmentId, ctx.now()),
  'appraisal:exportResponse': (ctx, input) => exportResponseDocx(ctx.db, ctx.dataDir, input, ctx.now()),
  'appraisal:exportResponsePackage': (ctx, input) => exportResponsePackageToDataDir(ctx.db, ctx.dataDir, input, ctx.now()),
};
