/** The `par-package/v1` layout and the limits every reader applies (the README's "The submission
 *  package" lists what is refused before anything is extracted). */
import { PACKAGE_FORMAT } from '../../shared/api/channels/package';

export { PACKAGE_FORMAT };

export const MANIFEST_PATH = 'manifest.json';
export const ASSESSMENT_PATH = 'assessment.json';
export const CRITERIA_SET_PATH = 'criteria-set.json';
export const REPORT_PATH = 'bao-cao.docx';
/** Evidence lives under tai-lieu-kiem-chung/<criterion code>/<document symbol>/<display name>. */
export const EVIDENCE_ROOT = 'tai-lieu-kiem-chung';
export const FIXED_PATHS: readonly string[] = [ASSESSMENT_PATH, CRITERIA_SET_PATH, REPORT_PATH];
/** The history of the assessment up to the package (main/history/history-document.ts). */
export const HISTORY_PATH = 'lich-su.json';
/** The signed report (a digitally signed PDF or a scan), in the package of a submission. */
export const SIGNED_REPORT_BASE = 'bao-cao-da-ky';
const SIGNED_REPORT_PATH = /^bao-cao-da-ky\.(pdf|png|jpe?g)$/u;
export const isSignedReportPath = (name: string): boolean => SIGNED_REPORT_PATH.test(name);
/** Entries a package may carry beside the fixed ones and the evidence. */
export const isOptionalPath = (name: string): boolean => name === HISTORY_PATH || isSignedReportPath(name);

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/** Read size for blobs and zip entries: large enough that SHA-256 runs at full speed (16 KiB
 *  chunks cost 4× here), small enough that the few chunks in flight keep memory flat. */
export const STREAM_CHUNK_BYTES = 1024 * 1024;

export const LIMITS = {
  maxEntries: 20_000,
  maxTotalBytes: 8 * GIB,
  maxEntryBytes: 4 * GIB,
  /** Apache POI's rule: after the first 100 KiB of an entry, compressed ÷ uncompressed ≥ 1 %. */
  ratioGraceBytes: 100 * KIB,
  minInflateRatio: 0.01,
  /** manifest.json and assessment.json (20,000 files and 2,000 items fit well below). */
  maxJsonBytes: 32 * MIB,
  maxNameBytes: 1024,
} as const;

/** Already-compressed formats are stored as they are; deflating them again costs time for nothing. */
const STORED_EXTENSIONS = new Set(['pdf', 'png', 'jpg', 'jpeg', 'webp', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'zip']);

export function shouldCompress(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return !STORED_EXTENSIONS.has(dot < 0 ? '' : name.slice(dot + 1).toLowerCase());
}

/** Two names that land on the same file on Windows or macOS (NFC/NFD, upper/lower case, trailing
 *  dots and spaces of a segment) get the same key. Case is folded fully (upper then lower case:
 *  "ſ" and "s", "ﬁ" and "fi", "ß" and "ss" meet), a superset of what any file system folds. */
export function collisionKey(name: string): string {
  return name
    .normalize('NFC')
    .split('/')
    .map((segment) => segment.replace(/[. ]+$/u, ''))
    .join('/')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFC');
}

export const isEvidencePath = (name: string): boolean => name.startsWith(`${EVIDENCE_ROOT}/`);
