/**
 * Separator-aware path containment for files served to the renderer. `startsWith` alone is
 * wrong ('/data/renderer2/x' starts with '/data/renderer'), so the resolved path must start with
 * the resolved root PLUS the separator. Pure: the path flavour is a parameter (Node's `path` in
 * main/, `path.win32` to test Windows rules on Linux), so it lives in shared/ for every host.
 */

/** The part of Node's `path` module this needs (`path`, `path.posix`, `path.win32` all fit). */
export interface PathApi {
  resolve(...paths: string[]): string;
  isAbsolute(path: string): boolean;
  readonly sep: string;
}

function decodeOnce(requestPath: string): string | null {
  try {
    return decodeURIComponent(requestPath);
  } catch {
    return null; // malformed percent-encoding such as '%E0%A4%A'
  }
}

/** A leading '/' is the root of the served folder (URL semantics), not the disk's root. */
function stripUrlRoot(decoded: string): string {
  return decoded.replace(/^\/+/, '');
}

/** Characters no renderer asset uses and that change meaning on some system: NUL, and ':'
 *  (drive letters 'C:x', NTFS streams 'index.html:s'). */
function hasForbiddenCharacter(decoded: string): boolean {
  return decoded.includes('\0') || decoded.includes(':');
}

function withTrailingSeparator(dir: string, sep: string): string {
  return dir.endsWith(sep) ? dir : dir + sep;
}

/**
 * The absolute path of `requestPath` (a URL pathname, percent-encoded or not) inside `root`, or
 * null when it would leave `root`, names `root` itself, or is malformed.
 */
export function resolveInside(root: string, requestPath: string, pathApi: PathApi): string | null {
  const decoded = decodeOnce(requestPath);
  if (decoded === null || hasForbiddenCharacter(decoded)) return null;
  const relative = stripUrlRoot(decoded);
  if (relative === '' || pathApi.isAbsolute(relative)) return null;
  const resolvedRoot = pathApi.resolve(root);
  const candidate = pathApi.resolve(resolvedRoot, relative);
  return candidate.startsWith(withTrailingSeparator(resolvedRoot, pathApi.sep)) ? candidate : null;
}
