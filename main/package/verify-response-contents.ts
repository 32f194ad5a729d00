/** The contents of a response package that passed the byte checks must agree with each other:
 *  giai-trinh.json fits its schema, names the manifest's year, set and round, answers each request
 *  once, its documents answer only those requests, and every file it names is the listed entry
 *  (and every evidence entry belongs to a document). The criteria set is not in the package: the
 *  codes are checked against the receiving assessment on import. */
import { parseJsonSafely } from '../../shared/domain/safe-json';
import { vietnameseErrorMap } from '../../shared/domain/zod-issue-messages';
import { isEvidencePath, LIMITS } from './format';
import { msg } from './package-messages';
import { RESPONSE_DOC_PATH, responseDocSchema, type ResponseDoc, type ResponseManifest } from './response-schema';
import { fileNameProblem, firstZodIssue } from './verify-contents';

export interface CheckedResponse {
  manifest: ResponseManifest;
  doc: ResponseDoc;
}

function parseResponseDoc(text: string): { ok: true; value: ResponseDoc } | { ok: false; message: string } {
  const parsed = parseJsonSafely(text, { maxBytes: LIMITS.maxJsonBytes, maxDepth: 16 });
  if (!parsed.ok) return { ok: false, message: msg.responseInvalid(parsed.message) };
  const doc = responseDocSchema.safeParse(parsed.value, { error: vietnameseErrorMap });
  return doc.success ? { ok: true, value: doc.data } : { ok: false, message: msg.responseInvalid(firstZodIssue(doc.error)) };
}

function headProblems(doc: ResponseDoc, manifest: ResponseManifest): string[] {
  const problems: string[] = [];
  if (doc.assessment.year !== manifest.year || doc.assessment.setHash !== manifest.set.hash) problems.push(msg.mismatch(`năm hoặc bộ chỉ số trong ${RESPONSE_DOC_PATH} khác với manifest.json.`));
  if (doc.round !== manifest.round) problems.push(msg.mismatch(`${RESPONSE_DOC_PATH} trả lời vòng thẩm định ${doc.round}, manifest.json ghi vòng ${manifest.round}.`));
  if (doc.requests.length !== manifest.requests) problems.push(msg.mismatch(`manifest.json ghi ${manifest.requests} đề nghị, ${RESPONSE_DOC_PATH} có ${doc.requests.length}.`));
  const seen = new Set<string>();
  for (const r of doc.requests) {
    if (seen.has(r.code)) problems.push(msg.mismatch(`đề nghị cho tiêu chí ${r.code} xuất hiện hai lần.`));
    seen.add(r.code);
  }
  for (const item of doc.evidence) {
    for (const code of item.codes) if (!seen.has(code)) problems.push(msg.mismatch(`tài liệu "${item.docNumber}" trả lời tiêu chí ${code}, không có trong các đề nghị của gói.`));
  }
  return problems;
}

function fileProblems(doc: ResponseDoc, manifest: ResponseManifest, reported: ReadonlySet<string>): string[] {
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const used = new Set<string>();
  const problems: string[] = [];
  for (const item of doc.evidence) {
    for (const f of item.files) {
      used.add(f.path);
      if (reported.has(f.path)) continue;
      const nameProblem = fileNameProblem(f);
      if (nameProblem) problems.push(nameProblem);
      const entry = listed.get(f.path);
      if (!isEvidencePath(f.path) || !entry || entry.sha256 !== f.sha256 || entry.size !== f.size) {
        problems.push(msg.mismatch(`tệp "${f.displayName}" của tài liệu "${item.docNumber}" không khớp với tệp ${JSON.stringify(f.path)} trong manifest.json.`));
      }
    }
  }
  for (const f of manifest.files) if (isEvidencePath(f.path) && !used.has(f.path)) problems.push(msg.mismatch(`tệp ${JSON.stringify(f.path)} không thuộc tài liệu giải trình nào.`));
  return problems;
}

/** Adds each disagreement through `add`; returns the checked contents when giai-trinh.json was readable. */
export function checkResponseContents(manifest: ResponseManifest, kept: Map<string, Buffer>, add: (path: string, message: string) => void, reported: ReadonlySet<string>): CheckedResponse | null {
  const bytes = kept.get(RESPONSE_DOC_PATH);
  if (!bytes) return null; // already reported as missing or altered
  const doc = parseResponseDoc(bytes.toString('utf8'));
  if (!doc.ok) {
    add(RESPONSE_DOC_PATH, doc.message);
    return null;
  }
  for (const problem of [...headProblems(doc.value, manifest), ...fileProblems(doc.value, manifest, reported)]) add(RESPONSE_DOC_PATH, problem);
  return { manifest, doc: doc.value };
}
