/** Turning the bytes of an appraisal file into a checked `par-appraisal/v1` document: JSON (safe
 *  parsing: size, depth, duplicate and `__proto__` keys are refused before anything is kept) or
 *  the filled .xlsx form. Every refusal is an AppFailure with a Vietnamese message. */
import { createHash } from 'node:crypto';
import { AppFailure } from '../../shared/api/result';
import { appraisalFileSchema, MAX_APPRAISAL_BYTES, MAX_APPRAISAL_DEPTH, type AppraisalFile } from '../../shared/domain/appraisal/appraisal-schema';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { parseJsonSafely } from '../../shared/domain/safe-json';
import { toValidationIssues, vietnameseErrorMap } from '../../shared/domain/zod-issue-messages';

export const NOTHING_CHANGED = 'Dữ liệu chưa bị thay đổi.';

export interface ReadAppraisal {
  file: AppraisalFile;
  /** SHA-256 of the canonical JSON of the checked document: the same result gives the same hash. */
  hash: string;
}

/** Zod-checks a parsed value; the first problems, with where they are, in the message. */
export function checkAppraisalDocument(value: unknown): ReadAppraisal {
  const parsed = appraisalFileSchema.safeParse(value, { error: vietnameseErrorMap });
  if (!parsed.success) {
    const issues = toValidationIssues(parsed.error.issues).slice(0, 5);
    const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    throw new AppFailure('INVALID_INPUT', `Tệp thẩm định không đúng định dạng par-appraisal/v1: ${text}. ${NOTHING_CHANGED}`, { path: issues[0]?.path ?? '' });
  }
  return { file: parsed.data, hash: createHash('sha256').update(canonicalJson(parsed.data), 'utf8').digest('hex') };
}

export function readAppraisalJson(bytes: Buffer): ReadAppraisal {
  if (bytes.length > MAX_APPRAISAL_BYTES) throw new AppFailure('TOO_LARGE', `Tệp thẩm định quá lớn: giới hạn là ${MAX_APPRAISAL_BYTES / 1024 / 1024} MB. ${NOTHING_CHANGED}`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const json = parseJsonSafely(text, { maxBytes: MAX_APPRAISAL_BYTES, maxDepth: MAX_APPRAISAL_DEPTH });
  if (!json.ok) throw new AppFailure('INVALID_INPUT', `Không đọc được tệp thẩm định: ${json.message} ${NOTHING_CHANGED}`, { path: json.path });
  return checkAppraisalDocument(json.value);
}
