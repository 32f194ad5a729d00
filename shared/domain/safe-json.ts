/**
 * JSON.parse with the limits that untrusted files (criteria sets, answer files, package manifests) need:
 * size in UTF-8 bytes and nesting depth are checked BEFORE parsing (a 1,000,000-deep array
 * is never handed to JSON.parse), and after parsing, duplicate keys (JSON.parse silently keeps
 * the last one) and the keys `__proto__`, `constructor`, `prototype` are refused.
 * Messages are Vietnamese, for the officer who chose the file.
 */
import { appendJsonPath, type JsonPathSegment } from './json-path';

export interface SafeJsonLimits {
  /** Largest accepted text, in UTF-8 bytes. */
  maxBytes: number;
  /** Deepest accepted nesting of arrays and objects (the outermost one is depth 1). */
  maxDepth: number;
}

export type SafeJsonResult =
  | { ok: true; value: unknown }
  /** `path` is the JSON path of the problem when known (e.g. a duplicate key), else ''. */
  | { ok: false; message: string; path: string };

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const BYTE_ORDER_MARK = '\uFEFF';

export function parseJsonSafely(text: string, opts: SafeJsonLimits): SafeJsonResult {
  if (isLargerThanUtf8Bytes(text, opts.maxBytes)) {
    return failure(`Tệp quá lớn: giới hạn là ${describeByteCount(opts.maxBytes)}.`);
  }
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  if (body.trim() === '') return failure('Tệp rỗng: không có nội dung JSON.');

  const scan = scanJsonStructure(body, opts.maxDepth);
  if (scan.tooDeepAt !== null) {
    return failure(`Cấu trúc JSON lồng nhau quá sâu: vượt quá ${opts.maxDepth} cấp.`, scan.tooDeepAt);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return failure(describeSyntaxError(error, body));
  }
  if (scan.keyProblem) return failure(scan.keyProblem.message, scan.keyProblem.path);
  return { ok: true, value };
}

function failure(message: string, path = ''): SafeJsonResult {
  return { ok: false, message, path };
}

// ---------------------------------------------------------------------------------------------
// Size

/** Counts UTF-8 bytes (a lone surrogate counts 3, as TextEncoder writes U+FFFD), stopping early. */
export function isLargerThanUtf8Bytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isSurrogatePairAt(text, i)) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > maxBytes) return true;
  }
  return false;
}

function isSurrogatePairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

function describeByteCount(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB) return `${formatDecimal(bytes / MiB)} MB`;
  if (bytes >= 1024) return `${formatDecimal(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

function formatDecimal(value: number): string {
  return String(Math.round(value * 10) / 10).replace('.', ',');
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

function describeSyntaxError(error: unknown, body: string): string {
  const detail = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(detail);
  if (position) {
    const { line, column } = lineAndColumnAt(body, Number(position[1]));
    return `Tệp không phải JSON hợp lệ: lỗi cú pháp ở dòng ${line}, cột ${column}.`;
  }
  if (/end of JSON input/i.test(detail)) {
    return 'Tệp không phải JSON hợp lệ: tệp kết thúc giữa chừng (thiếu dấu đóng ngoặc hoặc dấu nháy).';
  }
  return 'Tệp không phải JSON hợp lệ: lỗi cú pháp.';
}

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

// ---------------------------------------------------------------------------------------------
// Structure scan: depth, duplicate and forbidden keys, without building any value.

interface ObjectFrame {
  kind: 'object';
  keys: Set<string>;
  currentKey: string | null;
  expectingKey: boolean;
}
interface ArrayFrame {
  kind: 'array';
  index: number;
}
type Frame = ObjectFrame | ArrayFrame;

interface KeyProblem {
  message: string;
  path: string;
}

interface StructureScan {
  /** Path of the container that went past maxDepth, or null. */
  tooDeepAt: string | null;
  /** The first duplicate or forbidden key in document order. */
  keyProblem: KeyProblem | null;
}

/**
 * Walks the text once, tracking only brackets, commas, colons and strings. It does not
 * validate the syntax (JSON.parse does that afterwards); on malformed text it just stops
 * making sense, and the syntax error is what gets reported.
 */
function scanJsonStructure(text: string, maxDepth: number): StructureScan {
  const stack: Frame[] = [];
  let keyProblem: KeyProblem | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const top = stack[stack.length - 1];
    if (char === '{' || char === '[') {
      if (stack.length >= maxDepth) return { tooDeepAt: pathThrough(stack, stack.length), keyProblem };
      stack.push(char === '{' ? { kind: 'object', keys: new Set(), currentKey: null, expectingKey: true } : { kind: 'array', index: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      if (top?.kind === 'object') top.expectingKey = true;
      else if (top?.kind === 'array') top.index++;
    } else if (char === ':') {
      if (top?.kind === 'object') top.expectingKey = false;
    } else if (char === '"') {
      const end = endOfString(text, i);
      if (end < 0) break;
      if (top?.kind === 'object' && top.expectingKey) {
        const key = decodeJsonString(text.slice(i, end + 1));
        keyProblem ??= checkKey(stack, top, key);
        top.currentKey = key;
        top.keys.add(key);
      }
      i = end;
    }
  }
  return { tooDeepAt: null, keyProblem };
}

/** Index of the closing quote of the string that opens at `start`, or -1 if unterminated. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '"') return i;
  }
  return -1;
}

/** `"a\u0062"` and `"ab"` are the same key; an invalid escape is left to JSON.parse to report. */
function decodeJsonString(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted;
  }
}

function checkKey(stack: Frame[], object: ObjectFrame, key: string): KeyProblem | null {
  const path = appendJsonPath(pathThrough(stack, stack.length - 1), key);
  if (FORBIDDEN_KEYS.has(key)) {
    return { message: `Khóa không được phép: "${key}" (tên dành riêng của JavaScript) tại ${path}.`, path };
  }
  if (object.keys.has(key)) {
    return { message: `Khóa "${key}" bị lặp lại trong cùng một đối tượng tại ${path}.`, path };
  }
  return null;
}

/** The path made of the current positions (key or index) of the first `frameCount` frames. */
function pathThrough(stack: Frame[], frameCount: number): string {
  let path = '';
  for (let depth = 0; depth < frameCount; depth++) {
    const segment = positionIn(stack[depth]!);
    if (segment !== null) path = appendJsonPath(path, segment);
  }
  return path;
}

function positionIn(frame: Frame): JsonPathSegment | null {
  return frame.kind === 'array' ? frame.index : frame.currentKey;
}
