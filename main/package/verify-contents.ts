/** The contents of a package that passed the byte checks must also agree with each other: the
 *  criteria set is the one the manifest names (its canonical SHA-256), assessment.json fits its
 *  schema and the set, every evidence file it names is the listed one, and the manifest's totals
 *  are what the answers give. Each disagreement is one Vietnamese line. */
import { z } from 'zod';
import type { AnswerInput } from '../../shared/domain/answer';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { findLeaf } from '../../shared/domain/criteria-tree';
import { parseJsonSafely } from '../../shared/domain/safe-json';
import { computeTotals } from '../../shared/domain/scoring';
import { validateCriteriaSetText } from '../../shared/domain/validate-criteria-set';
import { vietnameseErrorMap } from '../../shared/domain/zod-issue-messages';
import { hashCriteriaSet, sha256Hex } from '../criteria/hash-set';
import { fileExtension, sanitizeDisplayName } from '../../shared/files/file-names';
import { mediaTypeOf } from '../../shared/files/file-types';
import { isEvidencePath, LIMITS } from './format';
import { packageTotals } from './package-content';
import { msg } from './package-messages';
import { appraisalProblems } from './verify-appraisal-part';
import { assessmentDocSchema, type AssessmentDoc, type Manifest, type PackageItem } from './package-schema';

export interface CheckedContents {
  set: CriteriaSet;
  setText: string;
  doc: AssessmentDoc;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

export function firstZodIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(gốc)'}: ${issue.message}` : 'không rõ';
}

export function checkCriteriaSet(manifest: Manifest, text: string): Outcome<CriteriaSet> {
  const actual = sha256Hex(text);
  if (actual !== manifest.set.hash) return fail(msg.setHashMismatch(manifest.set.hash, actual));
  const checked = validateCriteriaSetText(text);
  if (!checked.ok) return fail(msg.setInvalid(checked.issues.map((i) => `${i.path}: ${i.message}`).slice(0, 3).join('; ')));
  if (hashCriteriaSet(checked.set).hash !== manifest.set.hash) return fail(msg.setInvalid('nội dung không ở dạng chuẩn (canonical JSON) nên mã băm không xác định được.'));
  const s = checked.set;
  const m = manifest.set;
  if (s.level !== manifest.agency.level) return fail(msg.mismatch('bộ chỉ số không cùng cấp với cơ quan (sở, ban, ngành / xã, phường).'));
  if (s.id !== m.id || s.year !== m.year || s.title !== m.title || s.status !== m.status) return fail(msg.mismatch('thông tin bộ chỉ số trong manifest.json khác với criteria-set.json.'));
  return { ok: true, value: s };
}

export function parseAssessmentDoc(text: string): Outcome<AssessmentDoc> {
  const parsed = parseJsonSafely(text, { maxBytes: LIMITS.maxJsonBytes, maxDepth: 16 });
  if (!parsed.ok) return fail(msg.assessmentInvalid(parsed.message));
  const doc = assessmentDocSchema.safeParse(parsed.value, { error: vietnameseErrorMap });
  return doc.success ? { ok: true, value: doc.data } : fail(msg.assessmentInvalid(firstZodIssue(doc.error)));
}

function leafProblem(set: CriteriaSet, code: string, what: string): string | null {
  return findLeaf(set, code) ? null : msg.mismatch(`${what} ghi mã tiêu chí ${code}, không phải tiêu chí chấm điểm của bộ chỉ số.`);
}

function answerProblems(doc: AssessmentDoc, set: CriteriaSet): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const a of doc.answers) {
    if (seen.has(a.code)) problems.push(msg.mismatch(`câu trả lời cho tiêu chí ${a.code} xuất hiện hai lần.`));
    seen.add(a.code);
    const p = leafProblem(set, a.code, 'Câu trả lời');
    if (p) problems.push(p);
  }
  return problems;
}

/** A file's name and type as this app writes them: a clean display name (what the import would
 *  store) with the entry's extension, and the media type of that extension. */
export function fileNameProblem(f: PackageItem['files'][number]): string | null {
  const name = f.displayName;
  if (sanitizeDisplayName(name) !== name || fileExtension(name) !== fileExtension(f.path)) return msg.hostileDisplayName(name, f.path);
  if (mediaTypeOf(name) !== f.mediaType) return msg.hostileMediaType(name, f.mediaType);
  return null;
}

function evidenceProblems(doc: AssessmentDoc, set: CriteriaSet, manifest: Manifest, reported: ReadonlySet<string>): string[] {
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const used = new Set<string>();
  const problems: string[] = [];
  for (const item of doc.evidence) {
    for (const code of item.codes) {
      const p = leafProblem(set, code, `Tài liệu "${item.docNumber}"`);
      if (p) problems.push(p);
    }
    for (const f of item.files) {
      const entry = listed.get(f.path);
      used.add(f.path);
      if (reported.has(f.path)) continue;
      const nameProblem = fileNameProblem(f);
      if (nameProblem) problems.push(nameProblem);
      if (!isEvidencePath(f.path) || !entry || entry.sha256 !== f.sha256 || entry.size !== f.size) {
        problems.push(msg.mismatch(`tệp "${f.displayName}" của tài liệu "${item.docNumber}" không khớp với tệp ${JSON.stringify(f.path)} trong manifest.json.`));
      }
    }
  }
  for (const f of manifest.files) if (isEvidencePath(f.path) && !used.has(f.path)) problems.push(msg.mismatch(`tệp ${JSON.stringify(f.path)} không thuộc tài liệu kiểm chứng nào.`));
  return problems;
}

function totalsProblem(doc: AssessmentDoc, set: CriteriaSet, manifest: Manifest): string | null {
  const answers = new Map<string, AnswerInput>(doc.answers.map((a) => [a.code, { input: a.input, notApplicable: a.notApplicable, explanation: a.explanation }]));
  const counts = new Map<string, { evidenceCount: number }>();
  // As in the app: only a document with at least one file backs a criterion.
  for (const item of doc.evidence.filter((i) => i.files.length > 0)) for (const code of new Set(item.codes)) counts.set(code, { evidenceCount: (counts.get(code)?.evidenceCount ?? 0) + 1 });
  const actual = packageTotals(computeTotals(set, answers, counts));
  const listed = manifest.totals;
  const same = (Object.keys(actual) as (keyof typeof actual)[]).every((k) => actual[k] === listed[k]);
  return same ? null : msg.totalsDiffer(`${listed.total} điểm, ${listed.percent}%`, `${actual.total} điểm, ${actual.percent}%`);
}

/** Every disagreement between assessment.json, the set and the manifest; files already reported
 *  (missing, altered) are not reported again. */
export function contentProblems(doc: AssessmentDoc, set: CriteriaSet, manifest: Manifest, reported: ReadonlySet<string> = new Set()): string[] {
  const head: string[] = [];
  if (doc.assessment.year !== manifest.year || doc.assessment.setHash !== manifest.set.hash) head.push(msg.mismatch('năm hoặc bộ chỉ số trong assessment.json khác với manifest.json.'));
  const problems = [...head, ...answerProblems(doc, set), ...evidenceProblems(doc, set, manifest, reported), ...appraisalProblems(doc, set)];
  if (problems.length > 0) return problems;
  const totals = totalsProblem(doc, set, manifest);
  return totals ? [totals] : [];
}
