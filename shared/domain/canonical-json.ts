/**
 * Canonical JSON: the same data always gives the same text, whatever the key order or
 * whitespace of the file it came from. Object keys are sorted by UTF-16 code unit, there is no
 * whitespace, strings and numbers are written by JSON.stringify. A criteria set's identity is
 * the SHA-256 of this text (hashed in main/, since shared/ has no crypto).
 *
 * Only JSON data is accepted: null, booleans, finite numbers, strings, arrays and plain objects.
 * Object properties whose value is `undefined` are left out (as JSON.stringify does, and as an
 * absent optional field would be); anything else that JSON cannot express throws a TypeError.
 */
export function canonicalJson(value: unknown): string {
  return writeValue(value, new Set(), '');
}

function writeValue(value: unknown, open: Set<object>, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return writeNumber(value, path);
    case 'object':
      return writeContainer(value, open, path);
    default:
      throw new TypeError(`canonicalJson: ${typeof value} is not JSON data at ${pathOrRoot(path)}`);
  }
}

function writeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value} at ${pathOrRoot(path)}`);
  return JSON.stringify(value);
}

function writeContainer(value: object, open: Set<object>, path: string): string {
  if (open.has(value)) throw new TypeError(`canonicalJson: cycle at ${pathOrRoot(path)}`);
  open.add(value);
  const text = Array.isArray(value) ? writeArray(value, open, path) : writeObject(value, open, path);
  open.delete(value);
  return text;
}

function writeArray(items: readonly unknown[], open: Set<object>, path: string): string {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) parts.push(writeValue(items[i], open, `${path}[${i}]`));
  return `[${parts.join(',')}]`;
}

function writeObject(object: object, open: Set<object>, path: string): string {
  if (!isPlainObject(object)) throw new TypeError(`canonicalJson: not a plain object at ${pathOrRoot(path)}`);
  const record = object as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort(compareCodeUnits)) {
    const child = record[key];
    if (child === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${writeValue(child, open, `${path}.${key}`)}`);
  }
  return `{${parts.join(',')}}`;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Plain `<` on strings compares UTF-16 code units, independent of any locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pathOrRoot(path: string): string {
  return path === '' ? '(root)' : path;
}
