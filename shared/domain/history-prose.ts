/**
 * One recorded change (history row) told in Vietnamese words an officer reads, instead of the
 * compact JSON kept in the store: "Điểm: 1,5 → 2", "Giải trình: (trống) → “Đã ban hành…”",
 * "Liên kết tài liệu 12/KH-UBND với tiêu chí 1.2", "Trạng thái: Đã khóa → Đã nộp". Numbers with a
 * decimal comma, dates dd/mm/yyyy, rule inputs by the leaf's own labels when the leaf is known.
 * Used by main for the screens (the history page carries the words) and for the .xlsx export.
 * A row whose JSON is not of a known shape is still shown, as its raw text: never a crash.
 */
import type { ScoringRule } from './criteria-set-schema';
import { STATUS_NAME_VI, ASSESSMENT_STATUSES, type AssessmentStatus } from './assessment-status';
import { describeLifecycle, resultSentence } from './history-prose-lifecycle';
import { formatBytesVi } from '../format/numbers';
import { EMPTY, bool, dateVi, diffFields, isRecord, list, num, quote, str, type ChangePart, type Field, type Rec } from './history-prose-parts';

export { EMPTY, type ChangePart } from './history-prose-parts';

/** What a row needs to be told (the store's row has more). */
export interface RecordedChange {
  kind: string;
  action: string;
  code: string | null;
  before: string | null;
  after: string | null;
}

export interface ProseContext {
  /** The scoring rule of a leaf of the assessment's set (labels of rate numbers, levels, deductions). */
  ruleOf?: (code: string) => ScoringRule | undefined;
}

const NOT_SCORED = '(chưa chấm)';

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The rule input as labelled values; the leaf's rule gives the labels when it matches the input. */
function inputFields(input: Rec, rule: ScoringRule | undefined): [string, string][] {
  switch (input.kind) {
    case 'manual':
      return [['Điểm', num(input.points)]];
    case 'yesNo':
      return [['Kết quả', input.achieved === true ? 'Đạt' : 'Không đạt']];
    case 'levels': {
      const level = rule?.kind === 'levels' ? rule.levels.find((l) => l.id === input.levelId) : undefined;
      return [['Mức', level ? quote(level.label) : str(input.levelId)]];
    }
    case 'rate':
      return [
        [rule?.kind === 'rate' ? rule.numeratorLabel : 'Tử số', num(input.numerator)],
        [rule?.kind === 'rate' ? rule.denominatorLabel : 'Mẫu số', num(input.denominator)],
      ];
    case 'deduction':
      return [[rule?.kind === 'deduction' ? rule.occurrenceLabel : 'Số lần bị trừ điểm', num(input.occurrences)]];
    default:
      return [['Kết quả chấm', JSON.stringify(input)]];
  }
}

function inputParts(before: unknown, after: unknown, rule: ScoringRule | undefined): ChangePart[] {
  const b = isRecord(before) ? inputFields(before, rule) : null;
  const a = isRecord(after) ? inputFields(after, rule) : null;
  if (b === null && a === null) return [];
  const sameKind = b !== null && a !== null && isRecord(before) && isRecord(after) && before.kind === after.kind;
  if (b !== null && a !== null && !sameKind) {
    const joined = (f: [string, string][]) => f.map(([l, v]) => `${l} ${v}`).join(', ');
    return [{ label: 'Kết quả chấm', before: joined(b), after: joined(a) }];
  }
  const labels = [...new Set([...(b ?? []), ...(a ?? [])].map(([l]) => l))];
  const valueOf = (f: [string, string][] | null, l: string) => (f === null ? NOT_SCORED : (f.find(([x]) => x === l)?.[1] ?? NOT_SCORED));
  return labels.map((l) => ({ label: l, before: valueOf(b, l), after: valueOf(a, l) })).filter((p) => p.before !== p.after);
}

function answerParts(before: Rec | null, after: Rec | null, rule: ScoringRule | undefined): ChangePart[] {
  const b = before ?? { input: null, notApplicable: false, explanation: '' };
  const a = after ?? { input: null, notApplicable: false, explanation: '' };
  const parts = inputParts(b.input, a.input, rule);
  if (b.notApplicable !== a.notApplicable) parts.push({ label: 'Không áp dụng', before: bool(b.notApplicable), after: bool(a.notApplicable) });
  if (b.explanation !== a.explanation) parts.push({ label: 'Giải trình', before: quote(b.explanation), after: quote(a.explanation) });
  return parts;
}

const DOC_TYPES: Record<string, string> = { plan: 'Kế hoạch', report: 'Báo cáo', decision: 'Quyết định', letter: 'Công văn', notice: 'Thông báo', other: 'Khác' };

const ITEM_FIELDS: Field[] = [
  ['docNumber', 'Số, ký hiệu', str],
  ['issuedOn', 'Ngày ban hành', (v) => (v === null ? '(chưa có ngày)' : dateVi(v))],
  ['issuer', 'Cơ quan ban hành', str],
  ['docType', 'Loại văn bản', (v) => (typeof v === 'string' ? (DOC_TYPES[v] ?? v) : EMPTY)],
  ['summary', 'Trích yếu', quote],
  ['files', 'Tệp', (v) => list(v, quote, ', ')],
];

/** A document named as an officer knows it: its number, or its summary when it has none. */
export function documentName(d: Rec): string {
  const number = typeof d.docNumber === 'string' ? d.docNumber.trim() : '';
  if (number) return number;
  return typeof d.summary === 'string' && d.summary.trim() ? quote(d.summary) : `số ${num(d.itemId)}`;
}

function evidenceParts(action: string, before: Rec | null, after: Rec | null): ChangePart[] | null {
  if (action === 'create' && after) {
    const fields = diffFields(ITEM_FIELDS, {}, after).filter((p) => p.after !== EMPTY && p.after !== '(không có)');
    return [{ label: `Thêm tài liệu ${documentName(after)}` }, ...fields.map(({ label, after: value }) => ({ label, after: value! }))];
  }
  if (action === 'delete' && before) return [{ label: `Xóa tài liệu ${documentName(before)}` }];
  if (action === 'edit' && before && after) return [{ label: `Sửa tài liệu ${documentName(after)}` }, ...diffFields(ITEM_FIELDS, before, after)];
  return null;
}

function fileParts(action: string, before: Rec | null, after: Rec | null): ChangePart[] | null {
  const file = action === 'add' ? after : action === 'remove' ? before : null;
  if (!file) return null;
  const size = typeof file.size === 'number' ? ` (${formatBytesVi(file.size)})` : '';
  return [{ label: `${action === 'add' ? 'Thêm tệp' : 'Gỡ tệp'} ${quote(file.fileName)}${size}` }];
}

function linkParts(action: string, code: string | null, before: Rec | null, after: Rec | null): ChangePart[] | null {
  const criterion = code ?? '?';
  const round = (d: Rec) => (d.round === undefined ? '' : ` (vòng thẩm định ${num(d.round)})`);
  if (action === 'link' && after) return [{ label: `Liên kết tài liệu ${documentName(after)} với tiêu chí ${criterion}` }];
  if (action === 'unlink' && before) return [{ label: `Bỏ liên kết tài liệu ${documentName(before)} khỏi tiêu chí ${criterion}` }];
  if (action === 'response-link' && after) return [{ label: `Gắn tài liệu ${documentName(after)} vào phần giải trình tiêu chí ${criterion}${round(after)}` }];
  if (action === 'response-unlink' && before) return [{ label: `Bỏ tài liệu ${documentName(before)} khỏi phần giải trình tiêu chí ${criterion}${round(before)}` }];
  return null;
}

const REPORT_FIELDS: Field[] = [
  ['docNumber', 'Số văn bản', str],
  ['docSymbol', 'Ký hiệu', str],
  ['reportDate', 'Ngày báo cáo', (v) => (v === null ? EMPTY : dateVi(v))],
  ['difficulties', 'Khó khăn, vướng mắc, đề xuất', quote],
  ['recipients', 'Nơi nhận', (v) => list(v, str, '; ')],
];

function importParts(action: string, after: Rec | null): ChangePart[] | null {
  if (!after) return null;
  // A package import before 'package-parts' existed was recorded as 'appraisal' with the rounds listed.
  if (action === 'appraisal' && !Array.isArray(after.rounds)) {
    const counts = `${num(after.scored)} tiêu chí có điểm thẩm định, ${num(after.survey)} điểm điều tra xã hội học, ${num(after.requests)} đề nghị giải trình, bổ sung`;
    return [{ label: `Nhập kết quả thẩm định vòng ${num(after.round)} từ tệp ${quote(after.fileName)}: ${counts}` }];
  }
  if (action === 'response') {
    return [{ label: `Nhập gói giải trình vòng ${num(after.round)}: ${num(after.explanations)} giải trình, ${num(after.items)} tài liệu mới (${num(after.files)} tệp), ${num(after.links)} tài liệu gắn vào câu trả lời` }];
  }
  const made = typeof after.createdAt === 'string' ? ` tạo ngày ${dateVi(after.createdAt.slice(0, 10))}` : '';
  const status = ASSESSMENT_STATUSES.includes(after.status as AssessmentStatus) ? `, trạng thái ${STATUS_NAME_VI[after.status as AssessmentStatus]}` : '';
  const result: ChangePart[] = isRecord(after.result) ? [{ label: resultSentence(after.result) }] : [];
  if (action === 'create' || action === 'overwrite') {
    const verb = action === 'create' ? 'Nhập gói hồ sơ' : 'Ghi đè bằng gói hồ sơ';
    return [{ label: `${verb}${made}: ${num(after.answers)} câu trả lời, ${num(after.links)} liên kết tài liệu${status}` }, ...result];
  }
  if (action === 'package-parts' || action === 'appraisal') {
    const rounds = Array.isArray(after.rounds) ? `kết quả thẩm định vòng ${list(after.rounds, num, ', ')}; ${num(after.responses)} giải trình` : 'kết quả công bố';
    return [{ label: `Nhập từ gói hồ sơ${made}: ${rounds}${status}` }, ...result];
  }
  return null;
}

function partsOf(e: RecordedChange, before: Rec | null, after: Rec | null, ctx: ProseContext): ChangePart[] | null {
  switch (e.kind) {
    case 'answer':
      if (e.action === 'response') {
        const round = (after ?? before)?.round;
        const text = (d: Rec | null) => quote(d?.explanation ?? '');
        return [{ label: `Giải trình theo đề nghị thẩm định vòng ${num(round)}`, before: text(before), after: text(after) }];
      }
      return answerParts(before, after, e.code === null ? undefined : ctx.ruleOf?.(e.code));
    case 'evidence':
      return evidenceParts(e.action, before, after);
    case 'file':
      return fileParts(e.action, before, after);
    case 'link':
      return linkParts(e.action, e.code, before, after);
    case 'report':
      return diffFields(REPORT_FIELDS, before ?? {}, after ?? {});
    case 'status':
      return describeLifecycle(e.action, before, after);
    case 'import':
      return importParts(e.action, after);
    default:
      return null;
  }
}

/** The change in words: one part per thing that changed (a field before → after, or a sentence). */
export function describeChange(e: RecordedChange, ctx: ProseContext = {}): ChangePart[] {
  const before = parse(e.before);
  const after = parse(e.after);
  const known = (before === null || isRecord(before)) && (after === null || isRecord(after));
  const parts = known ? partsOf(e, before, after, ctx) : null;
  if (parts !== null) return parts;
  return [{ label: 'Dữ liệu', before: e.before ?? EMPTY, after: e.after ?? EMPTY }];
}

/** One part as a line of text: "Điểm: 1,5 → 2", "Ngày ban hành: 05/01/2026", or the sentence. */
export function partText(p: ChangePart): string {
  if (p.before !== undefined && p.after !== undefined) return `${p.label}: ${p.before} → ${p.after}`;
  const value = p.after ?? p.before;
  return value === undefined ? p.label : `${p.label}: ${value}`;
}

/** The whole change as text (the .xlsx cell): its parts, one per line. */
export const changeText = (parts: readonly ChangePart[]): string => parts.map(partText).join('\n');

/** A long text cut for the screen (the full text goes in the title): 'Đã ban hành kế hoạch…'. */
export function shortenText(text: string, max = 80): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('').trimEnd();
  return text.startsWith('“') && text.endsWith('”') ? `${cut}…”` : `${cut}…`;
}
