/**
 * JSON paths as shown to people: `fields[0].children[2].maxPoints`. Keys that are not plain
 * identifiers are quoted: `classes[0]["tên lớp"]`. The root is the empty string.
 */
export type JsonPathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends one segment (an array index or an object key) to a path. */
export function appendJsonPath(path: string, segment: JsonPathSegment): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  if (!IDENTIFIER.test(segment)) return `${path}[${JSON.stringify(segment)}]`;
  return path === '' ? segment : `${path}.${segment}`;
}

export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  return segments.reduce<string>(appendJsonPath, '');
}
