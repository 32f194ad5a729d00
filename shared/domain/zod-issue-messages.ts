/**
 * Zod issues in plain Vietnamese. `vietnameseErrorMap` is passed to `safeParse` (messages written
 * in the schema itself, already Vietnamese, take precedence); `toValidationIssues` turns the
 * issues into `{ path, message }` with paths like `fields[0].children[2].maxPoints`, one issue
 * per unknown key, the key included in the path.
 */
import type { z } from 'zod';
import { appendJsonPath, formatJsonPath, type JsonPathSegment } from './json-path';
import { formatNumberVi, type ValidationIssue } from './validation-issue';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

export const vietnameseErrorMap: z.core.$ZodErrorMap = (issue) => messageFor(issue);

function messageFor(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return invalidTypeMessage(issue.expected, issue.input);
    case 'too_small':
      return tooSmallMessage(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return tooBigMessage(issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case 'invalid_format':
      return 'Giá trị không đúng định dạng.';
    case 'not_multiple_of':
      return `Phải là bội số của ${formatNumberVi(issue.divisor)}.`;
    case 'invalid_value':
      return invalidValueMessage(issue.values);
    case 'invalid_union':
      return unionMessage(issue.discriminator, issue.options);
    case 'unrecognized_keys':
      return issue.keys.map(unknownKeyMessage).join(' ');
    default:
      return 'Giá trị không hợp lệ.';
  }
}

function invalidTypeMessage(expected: string, input: unknown): string {
  if (input === undefined) return 'Thiếu trường bắt buộc.';
  if (typeof input === 'number' && !Number.isFinite(input)) {
    return 'Số không hợp lệ: phải là số hữu hạn (ví dụ 1e400 quá lớn để biểu diễn).';
  }
  if (expected === 'int' && typeof input === 'number') return 'Phải là số nguyên.';
  return `Sai kiểu dữ liệu: cần ${expectedTypeName(expected)}, nhưng tệp ghi ${receivedTypeName(input)}.`;
}

function expectedTypeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'một chuỗi văn bản',
    number: 'một số',
    int: 'một số nguyên',
    boolean: 'true hoặc false',
    array: 'một danh sách [ … ]',
    object: 'một đối tượng { … }',
  };
  return names[expected] ?? expected;
}

function receivedTypeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'một danh sách';
  switch (typeof input) {
    case 'string':
      return 'một chuỗi văn bản';
    case 'number':
      return 'một số';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'một đối tượng';
    default:
      return typeof input;
  }
}

function tooSmallMessage(origin: string, minimum: number, inclusive: boolean): string {
  if (origin === 'string') return minimum <= 1 ? 'Không được để trống.' : `Cần ít nhất ${minimum} ký tự.`;
  if (origin === 'array') return `Cần ít nhất ${minimum} phần tử.`;
  const bound = formatNumberVi(minimum);
  return inclusive ? `Phải lớn hơn hoặc bằng ${bound}.` : `Phải lớn hơn ${bound}.`;
}

function tooBigMessage(origin: string, maximum: number, inclusive: boolean): string {
  if (origin === 'string') return `Dài quá ${maximum} ký tự.`;
  if (origin === 'array') return `Nhiều nhất ${maximum} phần tử.`;
  const bound = formatNumberVi(maximum);
  return inclusive ? `Phải nhỏ hơn hoặc bằng ${bound}.` : `Phải nhỏ hơn ${bound}.`;
}

function invalidValueMessage(values: readonly unknown[]): string {
  const listed = values.map((value) => JSON.stringify(value)).join(', ');
  return values.length === 1 ? `Giá trị phải là ${listed}.` : `Giá trị phải là một trong: ${listed}.`;
}

/** A discriminated union (the rule "kind") lists its options; other unions just say no match. */
function unionMessage(discriminator: unknown, options: unknown): string {
  if (typeof discriminator === 'string' && Array.isArray(options)) return invalidValueMessage(options);
  return 'Giá trị không khớp với dạng nào được phép.';
}

function unknownKeyMessage(key: string): string {
  return `Khóa không được phép: ${JSON.stringify(key)}.`;
}

/** Converts parsed zod issues to validation issues; an unknown-keys issue becomes one per key. */
export function toValidationIssues(issues: readonly Issue[]): ValidationIssue[] {
  return issues.flatMap((issue) => {
    const path = formatJsonPath(issue.path.map(toPathSegment));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: appendJsonPath(path, key), message: unknownKeyMessage(key) }));
    }
    return [{ path, message: issue.message }];
  });
}

function toPathSegment(key: PropertyKey): JsonPathSegment {
  return typeof key === 'number' ? key : String(key);
}
