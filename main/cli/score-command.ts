/** `par score <set.json> <answers.json>`: prints the totals of a set of answers as JSON. */
import { MAX_CRITERIA_SET_BYTES } from '../../shared/api/contract';
import type { AnswerInput } from '../../shared/domain/answer';
import { answersFileSchema } from '../../shared/domain/answers-file';
import { findLeaf } from '../../shared/domain/criteria-tree';
import { fromMilli } from '../../shared/domain/points';
import { computeTotals, evaluateLeaf } from '../../shared/domain/scoring';
import { parseJsonSafely } from '../../shared/domain/safe-json';
import { validateCriteriaSetText } from '../../shared/domain/validate-criteria-set';
import { EXIT_OK, EXIT_USER_ERROR, printJson, readTextFile, UsageError, UserError, type CliIo } from './io';

const MAX_ANSWERS_BYTES = 5 * 1024 * 1024;

function readAnswers(file: string): Map<string, AnswerInput> {
  const parsedJson = parseJsonSafely(readTextFile(file, MAX_ANSWERS_BYTES, 'Tệp kết quả chấm'), { maxBytes: MAX_ANSWERS_BYTES, maxDepth: 32 });
  if (!parsedJson.ok) throw new UserError(`Tệp kết quả chấm "${file}": ${parsedJson.message}`);
  const parsed = answersFileSchema.safeParse(parsedJson.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`Tệp kết quả chấm "${file}" không đúng định dạng par-answers/v1 tại ${issue.path.join('.') || '(gốc)'}: ${issue.message}`);
  }
  const answers = new Map<string, AnswerInput>();
  for (const a of parsed.data.answers) {
    if (answers.has(a.code)) throw new UserError(`Mã ${a.code} xuất hiện hai lần trong tệp kết quả chấm.`);
    answers.set(a.code, { input: a.input, notApplicable: a.notApplicable, explanation: a.explanation });
  }
  return answers;
}

export function scoreCommand(args: string[], io: CliIo): number {
  if (args.length !== 2) throw new UsageError('Cách dùng: par score <bo-chi-so.json> <ket-qua-cham.json>');
  const [setFile, answersFile] = args as [string, string];
  const checked = validateCriteriaSetText(readTextFile(setFile, MAX_CRITERIA_SET_BYTES, 'Bộ chỉ số'));
  if (!checked.ok) throw new UserError(`Bộ chỉ số "${setFile}" không hợp lệ: ${checked.issues[0]?.path}: ${checked.issues[0]?.message} (chạy "par validate" để xem tất cả lỗi)`);
  const set = checked.set;
  const answers = readAnswers(answersFile);
  const problems: string[] = [];
  for (const [code, answer] of answers) {
    const visit = findLeaf(set, code);
    if (!visit) {
      problems.push(`${code}: không phải tiêu chí chấm điểm của bộ chỉ số`);
      continue;
    }
    const result = evaluateLeaf(set, visit.node, answer);
    if (result.state === 'invalid') problems.push(`${code}: ${result.error}`);
  }
  if (problems.length > 0) {
    io.err.write(`Tệp kết quả chấm có ${problems.length} lỗi:\n${problems.map((p) => `  - ${p}\n`).join('')}`);
    return EXIT_USER_ERROR;
  }
  const totals = computeTotals(set, answers);
  printJson(io, {
    set: { id: set.id, year: set.year, title: set.title, status: set.status },
    points: fromMilli(totals.pointsMilli),
    maxPoints: fromMilli(totals.maxMilli),
    applicableMaxPoints: fromMilli(totals.applicableMaxMilli),
    surveyMaxPoints: fromMilli(totals.surveyMaxMilli),
    bonus: fromMilli(totals.bonusMilli),
    penalty: fromMilli(totals.penaltyMilli),
    total: fromMilli(totals.totalMilli),
    percent: totals.percent,
    class: totals.className,
    leaves: totals.leafCount,
    answered: totals.answeredCount,
    unanswered: totals.unansweredCount,
    needsExplanation: totals.needsExplanationCount,
    fields: set.fields.map((f) => {
      const t = totals.nodes[f.code]!;
      return { code: f.code, title: f.title, points: fromMilli(t.pointsMilli), maxPoints: fromMilli(t.maxMilli), applicableMaxPoints: fromMilli(t.applicableMaxMilli) };
    }),
  });
  return EXIT_OK;
}
