/**
 * Verifying a package (`par verify`, "Kiểm tra gói", and the first step of every import). Order:
 * 1. the central directory, entry by entry, under the entry rules (names, types, duplicates), then
 *    sizes, expansion ratio and overlaps, all from headers: nothing is decompressed yet;
 * 2. manifest.json: present, JSON, the known format, the schema, sensible paths;
 * 3. missing / extra files and sizes against the manifest;
 * 4. every listed file streamed once (ratio and sizes enforced on the real bytes): SHA-256, CRC-32,
 *    and for evidence the content type (a nested archive is never expanded, only refused);
 * 5. the contents against each other (criteria-set hash, assessment.json, totals).
 * A response package (`par-response/v1`) goes through the same steps with its own fixed entries
 * (giai-trinh.json, giai-trinh.docx) and its own content checks (verify-response-contents.ts).
 * A hostile or damaged archive ends in a refusal; otherwise every problem is listed.
 */
import fs from 'node:fs';
import type { Entry } from 'yauzl';
import { DATA_ARCHIVE_FORMAT } from '../../shared/api/channels/data-archive';
import { RESPONSE_PACKAGE_FORMAT, type PackageProblem, type PackageProblemKind, type PackageSummary, type VerifyReport } from '../../shared/api/channels/package';
import { AppFailure } from '../../shared/api/result';
import { parseJsonSafely } from '../../shared/domain/safe-json';
import { vietnameseErrorMap } from '../../shared/domain/zod-issue-messages';
import { detectType } from '../../shared/files/file-types';
import { nameProblem } from './entry-rules';
import { digestEntry, type OpenPackage } from './entry-stream';
import { ASSESSMENT_PATH, CRITERIA_SET_PATH, FIXED_PATHS, isEvidencePath, isOptionalPath, isSignedReportPath, LIMITS, MANIFEST_PATH, PACKAGE_FORMAT } from './format';
import { msg, PackageRefusal } from './package-messages';
import { manifestSchema, type Manifest, type ManifestFile } from './package-schema';
import { RESPONSE_DOC_PATH, RESPONSE_FIXED_PATHS, responseManifestSchema, type ResponseManifest } from './response-schema';
import { checkCriteriaSet, contentProblems, firstZodIssue, parseAssessmentDoc, type CheckedContents } from './verify-contents';
import { checkResponseContents, type CheckedResponse } from './verify-response-contents';
import { openCheckedZip } from './zip-reader';

export interface Inspection {
  report: VerifyReport;
  /** Only when the report is ok: what import needs, already parsed and checked. */
  contents: (CheckedContents & { manifest: Manifest }) | null;
  /** Only when the report is ok and the file is a response package. */
  response: CheckedResponse | null;
}

type ReadManifest = { kind: 'full'; manifest: Manifest } | { kind: 'response'; manifest: ResponseManifest };

const ZIP_LOCAL_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const KEPT_JSON = new Set([ASSESSMENT_PATH, CRITERIA_SET_PATH, RESPONSE_DOC_PATH]);

class ReportBuilder {
  readonly problems: PackageProblem[] = [];
  readonly missing: string[] = [];
  readonly extra: string[] = [];
  readonly altered: string[] = [];
  checkedFiles = 0;
  checkedBytes = 0;
  summary: PackageSummary | null = null;

  add(kind: PackageProblemKind, path: string | null, message: string): void {
    this.problems.push({ kind, path, message });
    if (path !== null && kind === 'missing') this.missing.push(path);
    if (path !== null && kind === 'extra') this.extra.push(path);
    if (path !== null && kind === 'altered' && !this.altered.includes(path)) this.altered.push(path);
  }

  build(refused = false): VerifyReport {
    const { problems, missing, extra, altered, checkedFiles, checkedBytes, summary } = this;
    return { ok: problems.length === 0, refused, summary, checkedFiles, checkedBytes, missing, extra, altered, problems };
  }
}

function summaryOf(read: ReadManifest): PackageSummary {
  const m = read.manifest;
  const base = { createdAt: m.createdAt, appVersion: m.app.version, agencyName: m.agency.name, year: m.year, setId: m.set.id, setTitle: m.set.title, setHash: m.set.hash };
  return read.kind === 'full' ? { ...base, totals: read.manifest.totals, response: null } : { ...base, totals: null, response: { round: read.manifest.round, requests: read.manifest.requests } };
}

function parseManifestText(bytes: Buffer): ReadManifest {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PackageRefusal(msg.manifestNotJson('không phải văn bản UTF-8.'), MANIFEST_PATH);
  }
  const parsed = parseJsonSafely(text, { maxBytes: LIMITS.maxJsonBytes, maxDepth: 16 });
  if (!parsed.ok) throw new PackageRefusal(msg.manifestNotJson(parsed.message), MANIFEST_PATH);
  const format: unknown = typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as { format?: unknown }).format : undefined;
  if (format === DATA_ARCHIVE_FORMAT) throw new PackageRefusal(msg.isDataArchive(), MANIFEST_PATH);
  if (format === RESPONSE_PACKAGE_FORMAT) {
    const response = responseManifestSchema.safeParse(parsed.value, { error: vietnameseErrorMap });
    if (!response.success) throw new PackageRefusal(msg.manifestInvalid(firstZodIssue(response.error)), MANIFEST_PATH);
    return { kind: 'response', manifest: response.data };
  }
  if (typeof format === 'string' && format !== PACKAGE_FORMAT) throw new PackageRefusal(msg.unknownFormat(format), MANIFEST_PATH);
  const manifest = manifestSchema.safeParse(parsed.value, { error: vietnameseErrorMap });
  if (!manifest.success) throw new PackageRefusal(msg.manifestInvalid(firstZodIssue(manifest.error)), MANIFEST_PATH);
  return { kind: 'full', manifest: manifest.data };
}

const FULL_LAYOUT = { fixed: FIXED_PATHS, optional: isOptionalPath };
const RESPONSE_LAYOUT = { fixed: RESPONSE_FIXED_PATHS, optional: () => false };

function checkManifestPaths(files: readonly ManifestFile[], layout: { fixed: readonly string[]; optional: (name: string) => boolean }): void {
  const seen = new Set<string>();
  for (const { path } of files) {
    const problem = nameProblem(path);
    if (problem) throw new PackageRefusal(problem, MANIFEST_PATH);
    if (seen.has(path)) throw new PackageRefusal(msg.manifestDuplicate(path), MANIFEST_PATH);
    if (!layout.fixed.includes(path) && !isEvidencePath(path) && !layout.optional(path)) throw new PackageRefusal(msg.manifestUnexpectedPath(path), MANIFEST_PATH);
    seen.add(path);
  }
  const lacking = layout.fixed.find((p) => !seen.has(p));
  if (lacking) throw new PackageRefusal(msg.manifestLacks(lacking), MANIFEST_PATH);
}

async function readManifest(pkg: OpenPackage, entries: Entry[]): Promise<ReadManifest> {
  const entry = entries.find((e) => e.fileName === MANIFEST_PATH);
  if (!entry) throw new PackageRefusal(msg.manifestMissing());
  if (entry.uncompressedSize > LIMITS.maxJsonBytes) throw new PackageRefusal(msg.manifestTooLarge(), MANIFEST_PATH);
  const digest = await digestEntry(pkg, entry, LIMITS.maxJsonBytes);
  if (!digest.crcOk) throw new PackageRefusal(msg.crcMismatch(MANIFEST_PATH), MANIFEST_PATH);
  const read = parseManifestText(digest.bytes ?? Buffer.alloc(0));
  checkManifestPaths(read.manifest.files, read.kind === 'full' ? FULL_LAYOUT : RESPONSE_LAYOUT);
  return read;
}

/** Missing, extra and size-altered files; returns the pairs worth hashing, in archive order. */
function compareListing(entries: Entry[], manifest: Pick<Manifest, 'files'>, r: ReportBuilder): { file: ManifestFile; entry: Entry }[] {
  const inZip = new Map(entries.filter((e) => !e.fileName.endsWith('/') && e.fileName !== MANIFEST_PATH).map((e) => [e.fileName, e]));
  const toHash: { file: ManifestFile; entry: Entry }[] = [];
  for (const file of manifest.files) {
    const entry = inZip.get(file.path);
    if (!entry) r.add('missing', file.path, msg.missing(file.path));
    else if (entry.uncompressedSize !== file.size) r.add('altered', file.path, msg.sizeDiffers(file.path, file.size, entry.uncompressedSize));
    else toHash.push({ file, entry });
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of inZip.keys()) if (!listed.has(name)) r.add('extra', name, msg.extra(name));
  return toHash.sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
}

function evidenceTypeProblem(path: string, head: Buffer, size: number): string | null {
  if (size === 0) return msg.emptyEvidence(path);
  const detected = detectType(path, head);
  if (detected.ok) return null;
  return head.subarray(0, 4).equals(ZIP_LOCAL_SIGNATURE) ? msg.nestedArchive(path) : msg.wrongType(detected.message);
}

/** Streams each listed file once; returns the small JSON documents' bytes. */
async function hashFiles(pkg: OpenPackage, pairs: { file: ManifestFile; entry: Entry }[], r: ReportBuilder): Promise<Map<string, Buffer>> {
  const kept = new Map<string, Buffer>();
  for (const { file, entry } of pairs) {
    const digest = await digestEntry(pkg, entry, KEPT_JSON.has(file.path) ? LIMITS.maxJsonBytes : 0);
    r.checkedFiles += 1;
    r.checkedBytes += digest.size;
    if (!digest.crcOk) r.add('altered', file.path, msg.crcMismatch(file.path));
    else if (digest.sha256 !== file.sha256) r.add('altered', file.path, msg.hashDiffers(file.path));
    else if (isEvidencePath(file.path) || isSignedReportPath(file.path)) {
      const problem = evidenceTypeProblem(file.path, digest.head, digest.size);
      if (problem) r.add('invalid', file.path, problem);
    } else if (digest.bytes) kept.set(file.path, digest.bytes);
  }
  return kept;
}

function checkContents(manifest: Manifest, kept: Map<string, Buffer>, r: ReportBuilder): CheckedContents | null {
  const setBytes = kept.get(CRITERIA_SET_PATH);
  const docBytes = kept.get(ASSESSMENT_PATH);
  if (!setBytes || !docBytes) return null; // already reported as missing or altered
  const setText = setBytes.toString('utf8');
  const set = checkCriteriaSet(manifest, setText);
  if (!set.ok) r.add('invalid', CRITERIA_SET_PATH, set.message);
  const doc = parseAssessmentDoc(docBytes.toString('utf8'));
  if (!doc.ok) r.add('invalid', ASSESSMENT_PATH, doc.message);
  if (!set.ok || !doc.ok) return null;
  const reported = new Set(r.problems.map((p) => p.path).filter((p): p is string => p !== null));
  for (const problem of contentProblems(doc.value, set.value, manifest, reported)) r.add('invalid', ASSESSMENT_PATH, problem);
  return { set: set.value, setText, doc: doc.value };
}

async function inspectOpenZip(pkg: OpenPackage, entries: Entry[], r: ReportBuilder): Promise<Inspection> {
  const read = await readManifest(pkg, entries);
  r.summary = summaryOf(read);
  const pairs = compareListing(entries, read.manifest, r);
  const kept = await hashFiles(pkg, pairs, r);
  if (read.kind === 'response') {
    const response = checkResponseContents(read.manifest, kept, (path, message) => r.add('invalid', path, message), new Set(r.problems.map((p) => p.path).filter((p): p is string => p !== null)));
    const report = r.build();
    return { report, contents: null, response: report.ok ? response : null };
  }
  const { manifest } = read;
  const contents = checkContents(manifest, kept, r);
  const report = r.build();
  return { report, contents: report.ok && contents ? { ...contents, manifest } : null, response: null };
}

function checkReadable(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppFailure('NOT_FOUND', `Không tìm thấy tệp gói "${file}".`);
  }
  if (!stat.isFile()) throw new AppFailure('INVALID_INPUT', `"${file}" không phải là một tệp.`);
}

/** The full inspection; a refusal becomes a report with refused = true. */
export async function inspectPackage(file: string): Promise<Inspection> {
  checkReadable(file);
  const r = new ReportBuilder();
  let opened: (OpenPackage & { entries: Entry[] }) | undefined;
  try {
    opened = await openCheckedZip(file);
    return await inspectOpenZip(opened, opened.entries, r);
  } catch (err) {
    if (!(err instanceof PackageRefusal)) throw err;
    r.add('refused', err.entryPath, err.message);
    return { report: r.build(true), contents: null, response: null };
  } finally {
    opened?.zip.close();
  }
}

export async function verifyPackageFile(file: string): Promise<VerifyReport> {
  return (await inspectPackage(file)).report;
}
