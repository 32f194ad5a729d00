/**
 * A leaf's scoring rule as the cells of one spreadsheet row (or the fields of an editor form):
 * "Cách chấm" names the kind in one Vietnamese phrase, the other columns hold what that kind
 * needs, in the text forms of criteria-text-vi.ts. ruleToCells and ruleFromCells are inverse:
 * ruleFromCells(ruleToCells(rule)) gives the same rule back. Problems come back per column, in
 * Vietnamese; columns a kind does not use must stay empty (a value there is a mistake).
 */
import type { ScoringRule } from './criteria-set-schema';
import {
  LEVELS_EXAMPLE,
  TIERS_EXAMPLE,
  levelIdsFromLabels,
  parseLevelIds,
  parseLevelsVi,
  parseNumberVi,
  parseTiersVi,
  printLevelIds,
  printLevelsVi,
  printTiersVi,
  type Parsed,
} from './criteria-text-vi';
import { foldVi } from '../format/search-fold';

type RuleOf<K extends ScoringRule['kind']> = Extract<ScoringRule, { kind: K }>;
type NoCases = RuleOf<'rate'>['noCases'];

/** A cell as read: empty, a number (a numeric cell) or text. */
export type CellValue = number | string | undefined;

export const RULE_COLUMNS = [
  'ruleWord',
  'step',
  'levels',
  'levelIds',
  'numeratorLabel',
  'denominatorLabel',
  'tiers',
  'noCases',
  'occurrenceLabel',
  'perOccurrence',
  'minPoints',
] as const;
export type RuleColumn = (typeof RULE_COLUMNS)[number];
export type RuleCells = Partial<Record<RuleColumn, CellValue>>;

/** Column titles in the template (and labels in the editor). */
export const RULE_COLUMN_TITLES: Record<RuleColumn, string> = {
  ruleWord: 'Cách chấm',
  step: 'Bước điểm',
  levels: 'Các mức',
  levelIds: 'Mã các mức',
  numeratorLabel: 'Tử số (tỷ lệ)',
  denominatorLabel: 'Mẫu số (tỷ lệ)',
  tiers: 'Ngưỡng tỷ lệ',
  noCases: 'Khi không phát sinh',
  occurrenceLabel: 'Nội dung bị trừ',
  perOccurrence: 'Trừ mỗi lần',
  minPoints: 'Điểm thấp nhất',
};

export type RuleWord = 'manual' | 'yesNo' | 'levels' | 'rateProportional' | 'rateThresholds' | 'deduction' | 'survey';

/** One phrase per kind of rule, as written in "Cách chấm". */
export const RULE_WORDS: Record<RuleWord, string> = {
  manual: 'Tự chấm',
  yesNo: 'Đạt/Không đạt',
  levels: 'Theo mức',
  rateProportional: 'Tỷ lệ thuận',
  rateThresholds: 'Theo ngưỡng tỷ lệ',
  deduction: 'Trừ điểm',
  survey: 'Điều tra xã hội học',
};

export const NO_CASES_WORDS: Record<NoCases, string> = {
  full: 'Đạt điểm tối đa',
  zero: '0 điểm',
  notApplicable: 'Không áp dụng',
};

const fold = (text: string): string => foldVi(text).replace(/\s*\/\s*/g, '/');

const foldedTables = new WeakMap<object, Map<string, string>>();

/** The key whose word folds to the same text as `text` (the folded words are computed once per table). */
function lookup<K extends string>(words: Record<K, string>, text: string): K | undefined {
  let table = foldedTables.get(words);
  if (!table) {
    table = new Map((Object.keys(words) as K[]).map((key) => [fold(words[key]), key]));
    foldedTables.set(words, table);
  }
  return table.get(fold(text)) as K | undefined;
}

const quoteList = (words: Record<string, string>): string =>
  Object.values(words)
    .map((word) => `"${word}"`)
    .join(', ');

/** Which columns each kind of rule fills (besides "Cách chấm"). */
const COLUMNS_OF: Record<RuleWord, readonly RuleColumn[]> = {
  manual: ['step'],
  yesNo: [],
  levels: ['levels', 'levelIds'],
  rateProportional: ['numeratorLabel', 'denominatorLabel', 'noCases'],
  rateThresholds: ['numeratorLabel', 'denominatorLabel', 'tiers', 'noCases'],
  deduction: ['occurrenceLabel', 'perOccurrence', 'minPoints'],
  survey: [],
};

export function ruleWordOf(rule: ScoringRule): RuleWord {
  if (rule.kind === 'rate') return rule.mode === 'proportional' ? 'rateProportional' : 'rateThresholds';
  return rule.kind;
}

const numberCell = (value: number): number => value;

export function ruleToCells(rule: ScoringRule): Parsed<RuleCells> {
  const cells: RuleCells = { ruleWord: RULE_WORDS[ruleWordOf(rule)] };
  switch (rule.kind) {
    case 'manual':
      return { ok: true, value: { ...cells, step: numberCell(rule.step) } };
    case 'levels': {
      const text = printLevelsVi(rule.levels);
      if (!text.ok) return text;
      const ids = printLevelIds(rule.levels);
      return { ok: true, value: { ...cells, levels: text.value, ...(ids ? { levelIds: ids } : {}) } };
    }
    case 'rate':
      return {
        ok: true,
        value: {
          ...cells,
          numeratorLabel: rule.numeratorLabel,
          denominatorLabel: rule.denominatorLabel,
          ...(rule.tiers ? { tiers: printTiersVi(rule.tiers) } : {}),
          noCases: NO_CASES_WORDS[rule.noCases],
        },
      };
    case 'deduction':
      return {
        ok: true,
        value: { ...cells, occurrenceLabel: rule.occurrenceLabel, perOccurrence: numberCell(rule.perOccurrence), minPoints: numberCell(rule.minPoints) },
      };
    default:
      return { ok: true, value: cells };
  }
}

export interface CellProblem {
  column: RuleColumn;
  message: string;
}

export type RuleFromCells = { ok: true; rule: ScoringRule | undefined } | { ok: false; problems: CellProblem[] };

const isEmpty = (value: CellValue): boolean => value === undefined || (typeof value === 'string' && value.trim() === '');
const textOf = (value: CellValue): string => (value === undefined ? '' : String(value).trim());

/** A number from a numeric cell (as is) or from text with a decimal comma. */
export function numberFromCell(value: CellValue, allowNegative = false): Parsed<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: 'Ô này phải là một số.' };
    if (value < 0 && !allowNegative) return { ok: false, message: 'Không được nhập số âm' };
    return { ok: true, value };
  }
  return parseNumberVi(textOf(value), allowNegative);
}

/** Reads the rule of one row; an empty "Cách chấm" with every rule column empty means "no rule". */
export function ruleFromCells(cells: RuleCells): RuleFromCells {
  const problems: CellProblem[] = [];
  const filled = RULE_COLUMNS.filter((column) => column !== 'ruleWord' && !isEmpty(cells[column]));
  if (isEmpty(cells.ruleWord)) {
    if (filled.length === 0) return { ok: true, rule: undefined };
    return { ok: false, problems: [{ column: 'ruleWord', message: `Chưa ghi cách chấm; hãy ghi một trong: ${quoteList(RULE_WORDS)}.` }] };
  }
  const word = lookup(RULE_WORDS, textOf(cells.ruleWord));
  if (!word) {
    return { ok: false, problems: [{ column: 'ruleWord', message: `Không hiểu cách chấm "${textOf(cells.ruleWord)}"; hãy ghi một trong: ${quoteList(RULE_WORDS)}.` }] };
  }
  for (const column of filled) {
    if (!COLUMNS_OF[word].includes(column)) {
      problems.push({ column, message: `Cách chấm "${RULE_WORDS[word]}" không dùng cột "${RULE_COLUMN_TITLES[column]}"; hãy để trống ô này.` });
    }
  }
  const rule = readRule(word, cells, problems);
  return problems.length > 0 || !rule ? { ok: false, problems } : { ok: true, rule };
}

function required<T>(column: RuleColumn, cells: RuleCells, problems: CellProblem[], read: (value: CellValue) => Parsed<T>, hint: string): T | undefined {
  const value = cells[column];
  if (isEmpty(value)) {
    problems.push({ column, message: `Thiếu "${RULE_COLUMN_TITLES[column]}"${hint}.` });
    return undefined;
  }
  const parsed = read(value);
  if (!parsed.ok) {
    problems.push({ column, message: parsed.message });
    return undefined;
  }
  return parsed.value;
}

const text = (value: CellValue): Parsed<string> => ({ ok: true, value: textOf(value) });

function readRule(word: RuleWord, cells: RuleCells, problems: CellProblem[]): ScoringRule | undefined {
  switch (word) {
    case 'manual': {
      const step = required('step', cells, problems, (v) => numberFromCell(v), ', ví dụ 0,25');
      return step === undefined ? undefined : { kind: 'manual', step };
    }
    case 'yesNo':
    case 'survey':
      return { kind: word };
    case 'levels':
      return readLevels(cells, problems);
    case 'rateProportional':
    case 'rateThresholds':
      return readRate(word, cells, problems);
    case 'deduction': {
      const occurrenceLabel = required('occurrenceLabel', cells, problems, text, ', ví dụ "Số báo cáo gửi chậm"');
      const perOccurrence = required('perOccurrence', cells, problems, (v) => numberFromCell(v), ', ví dụ 0,25');
      const minPoints = required('minPoints', cells, problems, (v) => numberFromCell(v, true), ', ví dụ 0');
      if (occurrenceLabel === undefined || perOccurrence === undefined || minPoints === undefined) return undefined;
      return { kind: 'deduction', occurrenceLabel, perOccurrence, minPoints };
    }
  }
}

function readLevels(cells: RuleCells, problems: CellProblem[]): ScoringRule | undefined {
  const levels = required('levels', cells, problems, (v) => parseLevelsVi(textOf(v)), `, ví dụ: ${LEVELS_EXAMPLE}`);
  if (!levels) return undefined;
  let ids = levelIdsFromLabels(levels.map((level) => level.label));
  if (!isEmpty(cells.levelIds)) {
    const given = parseLevelIds(textOf(cells.levelIds), levels.length);
    if (!given.ok) {
      problems.push({ column: 'levelIds', message: given.message });
      return undefined;
    }
    ids = given.value;
  }
  return { kind: 'levels', levels: levels.map((level, i) => ({ id: ids[i]!, label: level.label, points: level.points })) };
}

function readRate(word: 'rateProportional' | 'rateThresholds', cells: RuleCells, problems: CellProblem[]): ScoringRule | undefined {
  const numeratorLabel = required('numeratorLabel', cells, problems, text, ', ví dụ "Số hồ sơ giải quyết đúng hạn"');
  const denominatorLabel = required('denominatorLabel', cells, problems, text, ', ví dụ "Tổng số hồ sơ đã giải quyết"');
  const noCases = required(
    'noCases',
    cells,
    problems,
    (v) => {
      const found = lookup(NO_CASES_WORDS, textOf(v));
      return found ? { ok: true, value: found } : { ok: false, message: `Không hiểu "${textOf(v)}"; hãy ghi một trong: ${quoteList(NO_CASES_WORDS)}.` };
    },
    ` (${quoteList(NO_CASES_WORDS)})`,
  );
  const tiers = word === 'rateThresholds' ? required('tiers', cells, problems, (v) => parseTiersVi(textOf(v)), `, ví dụ: ${TIERS_EXAMPLE}`) : undefined;
  if (numeratorLabel === undefined || denominatorLabel === undefined || noCases === undefined) return undefined;
  if (word === 'rateProportional') return { kind: 'rate', numeratorLabel, denominatorLabel, mode: 'proportional', noCases };
  if (!tiers) return undefined;
  return { kind: 'rate', numeratorLabel, denominatorLabel, mode: 'thresholds', tiers, noCases };
}
