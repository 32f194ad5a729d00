/**
 * For every channel of the contract, the generator of hostile payloads the fuzz test sends
 * (a Record over Channel: a new channel without a generator is a compile error). Channels that
 * only read get real ids; channels that change data get ids that name nothing, or this agency's
 * assessment with ANOTHER agency's item or file, which must be refused. A payload that would
 * legitimately change data (valid, naming this agency's own records) is filtered out.
 */
import fc from 'fast-check';
import { contract, type Channel } from '../../shared/api/contract';
import { blankDraft } from '../../shared/domain/criteria-draft';
import { agencyDraft } from './agency-fixture';
import { hostileVariants, idLike, oddValue, UNICODE_EDGES, type Base } from './fuzz-payloads';

export interface FuzzIds {
  agencies: number[];
  assessments: number[];
  setHash: string;
  leafCode: string;
  own: { assessmentId: number; items: number[]; files: number[] };
  other: { items: number[]; files: number[] };
}

const ABSENT = 987_654;
const draft = { docNumber: '12/KH-UBND', issuedOn: '2026-02-03', issuer: 'UBND', docType: 'plan', summary: 'Kế hoạch' };
const settings = { docNumber: '', docSymbol: 'BC-SNV', reportDate: '2026-01-05', difficulties: '', recipients: ['- Sở Nội vụ;'] };
const noFilter = { kind: null, code: null, from: null, to: null };
const published = { finalScore: 85.5, indexPercent: 85.5, className: 'Tốt', rank: 3, rankOf: 20, publishedOn: '2027-03-01' };
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom(...UNICODE_EDGES), oddValue);

function realRecordTouched(p: Record<string, unknown>, ids: FuzzIds): boolean {
  const has = (list: number[], v: unknown) => typeof v === 'number' && list.includes(v);
  return (
    has(ids.agencies, p.id) ||
    has(ids.agencies, p.agencyId) ||
    has(ids.assessments, p.assessmentId) ||
    has([...ids.own.items, ...ids.other.items], p.itemId) ||
    has([...ids.own.files, ...ids.other.files], p.fileId)
  );
}

/** The refusals under test: this agency's assessment with another agency's item or file. */
function crossAgency(p: Record<string, unknown>, ids: FuzzIds): boolean {
  if (p.assessmentId !== ids.own.assessmentId) return false;
  const otherItem = typeof p.itemId === 'number' && ids.other.items.includes(p.itemId);
  const otherFile = typeof p.fileId === 'number' && ids.other.files.includes(p.fileId);
  return (otherItem && p.fileId === undefined) || (otherFile && p.itemId === undefined);
}

type Kind = 'reads' | 'changes' | 'changesWhenValid';

function spec(channel: Channel, kind: Kind, base: Base, fields: Record<string, fc.Arbitrary<unknown>>, ids: FuzzIds): fc.Arbitrary<unknown> {
  const arb = hostileVariants(base, fields);
  if (kind === 'reads') return arb;
  return arb.filter((p) => {
    const parsed = contract[channel].input.safeParse(p ?? {});
    if (!parsed.success) return true;
    if (kind === 'changesWhenValid') return false;
    const data = parsed.data as Record<string, unknown>;
    return !realRecordTouched(data, ids) || crossAgency(data, ids);
  });
}

export function channelSpecs(ids: FuzzIds): Record<Channel, fc.Arbitrary<unknown>> {
  const agency = idLike(ids.agencies);
  const assessment = idLike(ids.assessments);
  const otherItem = idLike(ids.other.items);
  const otherFile = idLike(ids.other.files);
  const own = ids.own.assessmentId;
  const noDraft = idLike([]);
  const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 30, maxLength: 66 });
  const s = (channel: Channel, kind: Kind, base: Base, fields: Record<string, fc.Arbitrary<unknown>> = {}) => spec(channel, kind, base, fields, ids);
  return {
    'app:info': s('app:info', 'reads', {}),
    'agencies:list': s('agencies:list', 'reads', {}),
    'agencies:create': s('agencies:create', 'changesWhenValid', { ...agencyDraft() }, { name: text, level: text, placeName: text }),
    'agencies:update': s('agencies:update', 'changes', { id: ABSENT, draft: agencyDraft() }, { id: agency }),
    'criteriaSets:list': s('criteriaSets:list', 'reads', {}),
    'criteriaSets:get': s('criteriaSets:get', 'reads', { hash: ids.setHash }, { hash: hex }),
    'criteriaSets:import': s('criteriaSets:import', 'changesWhenValid', { fileName: 'bo-chi-so.json', text: '{}', confirmNewVersion: false }, { text: fc.oneof(text, fc.json({ maxDepth: 4 })), fileName: text }),
    // Valid exports and diffs are left out (each writes a file or takes milliseconds): only their refusals are fuzzed.
    'criteriaSets:importXlsx': s('criteriaSets:importXlsx', 'changesWhenValid', { fileName: 'bo-chi-so.xlsx', dataBase64: 'UEsDBA==' }, { dataBase64: text, fileName: text }),
    'criteriaSets:export': s('criteriaSets:export', 'changesWhenValid', { hash: ids.setHash, format: 'xlsx' }, { hash: hex, format: text }),
    'criteriaSets:diff': s('criteriaSets:diff', 'changesWhenValid', { fromHash: ids.setHash, toHash: ids.setHash }, { fromHash: hex, toHash: hex, mapping: oddValue }),
    // No draft exists in the fuzz database: every id names nothing, and a valid create is left out (it would add one).
    'criteriaDrafts:list': s('criteriaDrafts:list', 'reads', {}),
    'criteriaDrafts:get': s('criteriaDrafts:get', 'reads', { id: ABSENT }, { id: noDraft }),
    'criteriaDrafts:create': s('criteriaDrafts:create', 'changesWhenValid', { from: { kind: 'blank', year: 2026 } }, { from: oddValue }),
    'criteriaDrafts:save': s('criteriaDrafts:save', 'changes', { id: ABSENT, body: blankDraft(2026) }, { id: noDraft, body: oddValue }),
    'criteriaDrafts:delete': s('criteriaDrafts:delete', 'changes', { id: ABSENT }, { id: noDraft }),
    'criteriaDrafts:install': s('criteriaDrafts:install', 'changes', { id: ABSENT, confirmNewVersion: true }, { id: noDraft, confirmNewVersion: oddValue }),
    'assessments:list': s('assessments:list', 'reads', { agencyId: ids.agencies[0]! }, { agencyId: agency }),
    'assessments:create': s('assessments:create', 'changes', { agencyId: ABSENT, year: 2027, setHash: ids.setHash, confirmYearMismatch: true }, { agencyId: agency, year: fc.integer(), setHash: hex }),
    'assessments:open': s('assessments:open', 'reads', { assessmentId: own }, { assessmentId: assessment }),
    'assessments:setStatus': s('assessments:setStatus', 'changes', { assessmentId: ABSENT, status: 'final' }, { assessmentId: assessment, status: text }),
    'answers:save': s('answers:save', 'changes', { assessmentId: ABSENT, code: ids.leafCode, answer: { input: null, notApplicable: false, explanation: '' } }, { assessmentId: assessment, code: text, answer: oddValue }),
    'evidence:listForAssessment': s('evidence:listForAssessment', 'reads', { assessmentId: own }, { assessmentId: assessment }),
    'evidence:listForCriterion': s('evidence:listForCriterion', 'reads', { assessmentId: own, code: ids.leafCode, withTotals: true }, { assessmentId: assessment, code: text, withTotals: oddValue }),
    'evidence:listForAgency': s('evidence:listForAgency', 'reads', { agencyId: ids.agencies[1]! }, { agencyId: agency }),
    'evidence:create': s('evidence:create', 'changes', { assessmentId: ABSENT, code: null, draft }, { assessmentId: assessment, code: text, draft: oddValue }),
    'evidence:update': s('evidence:update', 'changes', { assessmentId: own, itemId: ids.other.items[0]!, draft }, { itemId: otherItem }),
    'evidence:delete': s('evidence:delete', 'changes', { assessmentId: own, itemId: ids.other.items.at(-1)! }, { itemId: otherItem }),
    'evidence:link': s('evidence:link', 'changes', { assessmentId: own, code: ids.leafCode, itemId: ids.other.items[0]! }, { itemId: otherItem, code: text }),
    'evidence:unlink': s('evidence:unlink', 'changes', { assessmentId: own, code: ids.leafCode, itemId: ids.other.items[0]! }, { itemId: otherItem, code: text }),
    'evidence:removeFile': s('evidence:removeFile', 'changes', { assessmentId: own, fileId: ids.other.files[0]! }, { fileId: otherFile }),
    'evidence:gaps': s('evidence:gaps', 'reads', { assessmentId: own }, { assessmentId: assessment }),
    'evidence:openWithSystem': s('evidence:openWithSystem', 'reads', { fileId: ids.own.files[0]! }, { fileId: otherFile }),
    'evidence:pickFiles': s('evidence:pickFiles', 'reads', {}),
    'evidence:importPicked': s('evidence:importPicked', 'reads', { assessmentId: own, itemId: ids.own.items[0]!, pickId: 'a'.repeat(32) }, { pickId: hex, itemId: otherItem }),
    'evidence:pickedProgress': s('evidence:pickedProgress', 'reads', { pickIds: ['b'.repeat(32)] }, { pickIds: fc.array(hex, { maxLength: 120 }) }),
    'evidence:cancelUpload': s('evidence:cancelUpload', 'reads', { uploadId: 'd'.repeat(32) }, { uploadId: hex }),
    'evidence:cancelPicked': s('evidence:cancelPicked', 'reads', { pickId: 'c'.repeat(32) }, { pickId: hex }),
    'search:query': s('search:query', 'reads', { assessmentId: own, query: 'kế hoạch' }, { query: text, assessmentId: assessment }),
    'backups:create': s('backups:create', 'changesWhenValid', {}),
    'backups:list': s('backups:list', 'reads', {}),
    // No backup exists in the fuzz database (backups:create only gets invalid payloads): every restore names nothing.
    'backups:restore': s('backups:restore', 'changes', { folder: 'backups', fileName: 'par-20990101-000000.sqlite' }, { folder: text, fileName: text }),
    'backups:view': s('backups:view', 'reads', { folder: 'backups', fileName: 'par-20990101-000000.sqlite', assessmentId: 1 }, { folder: text, fileName: text, assessmentId: fc.integer() }),
    'backups:dismissRecovery': s('backups:dismissRecovery', 'changesWhenValid', {}),
    'report:getSettings': s('report:getSettings', 'reads', { assessmentId: own }, { assessmentId: assessment }),
    'report:saveSettings': s('report:saveSettings', 'changes', { assessmentId: ABSENT, settings }, { assessmentId: assessment, settings: oddValue }),
    'report:export': s('report:export', 'changes', { assessmentId: ABSENT, final: false, format: 'docx', withAppraisal: true }, { assessmentId: assessment, format: text, withAppraisal: oddValue }),
    'package:export': s('package:export', 'changes', { assessmentId: ABSENT }, { assessmentId: assessment }),
    // Writes a file under exports/, never a row: the database stays the same.
    'dataArchive:export': s('dataArchive:export', 'reads', {}),
    'dataFolder:info': s('dataFolder:info', 'reads', {}),
    'dataFolder:pickFolder': s('dataFolder:pickFolder', 'reads', {}),
    'dataFolder:progress': s('dataFolder:progress', 'reads', {}),
    // A valid target would really move the fuzz folder: only the refusals of the schema are fuzzed.
    'dataFolder:move': s('dataFolder:move', 'changesWhenValid', { target: '/khong-co/thu-muc' }, { target: text }),
    'dataArchive:pick': s('dataArchive:pick', 'reads', {}),
    // No archive is staged in the fuzz run: every id names nothing, so nothing is restored.
    'dataArchive:restore': s('dataArchive:restore', 'changes', { archiveId: 'c'.repeat(32), target: '/khong-co/thu-muc' }, { archiveId: hex, target: text }),
    'dataArchive:discard': s('dataArchive:discard', 'reads', { archiveId: 'e'.repeat(32) }, { archiveId: hex }),
    'package:verifyExport': s('package:verifyExport', 'reads', { fileName: 'goi-ho-so.zip' }, { fileName: text }),
    'history:list': s('history:list', 'reads', { assessmentId: own, filter: noFilter, beforeId: null, limit: 50 }, { assessmentId: assessment, filter: oddValue, beforeId: oddValue, limit: fc.integer() }),
    'history:export': s('history:export', 'changesWhenValid', { assessmentId: own, filter: noFilter }, { assessmentId: assessment, filter: oddValue }),
    'lifecycle:get': s('lifecycle:get', 'reads', { assessmentId: own }, { assessmentId: assessment }),
    'lifecycle:reopen': s('lifecycle:reopen', 'changes', { assessmentId: ABSENT, reason: 'Sửa số liệu' }, { assessmentId: assessment, reason: text }),
    'lifecycle:close': s('lifecycle:close', 'changes', { assessmentId: ABSENT, result: published }, { assessmentId: assessment, result: oddValue }),
    'lifecycle:exportSentPackage': s('lifecycle:exportSentPackage', 'changes', { assessmentId: ABSENT }, { assessmentId: assessment }),
    'appraisal:get': s('appraisal:get', 'reads', { assessmentId: own }, { assessmentId: assessment }),
    'appraisal:respond': s('appraisal:respond', 'changes', { assessmentId: ABSENT, round: 1, code: ids.leafCode, explanation: 'Giải trình' }, { assessmentId: assessment, round: fc.integer(), code: text, explanation: text }),
    'appraisal:linkDocument': s('appraisal:linkDocument', 'changes', { assessmentId: own, round: 1, code: ids.leafCode, itemId: ids.other.items[0] ?? ABSENT }, { assessmentId: assessment, round: fc.integer(), code: text, itemId: otherItem }),
    'appraisal:unlinkDocument': s('appraisal:unlinkDocument', 'changes', { assessmentId: ABSENT, round: 1, code: ids.leafCode, itemId: ABSENT }, { assessmentId: assessment, round: fc.integer(), code: text, itemId: otherItem }),
    'appraisal:addDocument': s('appraisal:addDocument', 'changes', { assessmentId: ABSENT, round: 1, code: ids.leafCode, draft }, { assessmentId: assessment, round: fc.integer(), code: text, draft: oddValue }),
    'appraisal:exportForm': s('appraisal:exportForm', 'changes', { assessmentId: ABSENT }, { assessmentId: assessment }),
    'appraisal:exportResponse': s('appraisal:exportResponse', 'changes', { assessmentId: ABSENT, docNumber: '12', docDate: '2027-02-01', recipients: [] }, { assessmentId: assessment, docNumber: text, docDate: oddValue, recipients: oddValue, round: fc.integer() }),
    'appraisal:exportResponsePackage': s('appraisal:exportResponsePackage', 'changes', { assessmentId: ABSENT, docNumber: '12', docDate: '2027-02-01', recipients: [] }, { assessmentId: assessment, docNumber: text, docDate: oddValue, recipients: oddValue, round: fc.integer() }),
    'years:planNext': s('years:planNext', 'reads', { assessmentId: own, setHash: ids.setHash, corrections: {} }, { assessmentId: assessment, setHash: hex, corrections: oddValue }),
    'years:createNext': s('years:createNext', 'changes', { assessmentId: ABSENT, setHash: ids.setHash, year: 2030, corrections: {} }, { assessmentId: assessment, setHash: hex, year: fc.integer(), corrections: oddValue, confirmYearMismatch: oddValue }),
    'years:suggestions': s('years:suggestions', 'reads', { assessmentId: own }, { assessmentId: assessment }),
    'years:decideSuggestion': s('years:decideSuggestion', 'changes', { assessmentId: ABSENT, suggestionId: 1, accept: true }, { assessmentId: assessment, suggestionId: fc.integer(), accept: oddValue }),
    'years:compare': s('years:compare', 'reads', { agencyId: ids.agencies[0]! }, { agencyId: agency }),
    'years:exportCompare': s('years:exportCompare', 'changesWhenValid', { agencyId: ids.agencies[0]! }, { agencyId: agency }),
  };
}
