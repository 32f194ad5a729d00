/**
 * Checking a whole-folder archive before anything is restored from it, with the package verifier's
 * machinery and limits: the central directory under the entry rules (names, `..`, absolute paths,
 * types, duplicates, sizes, expansion ratio, overlaps, local headers, bytes outside the entries),
 * then manifest.json (its own format name: a submission package is told apart), then every entry
 * streamed once (ratio and sizes enforced on the real bytes) against its SHA-256 and CRC-32.
 * Any problem refuses the archive.
 */
import fs from 'node:fs';
import type { Entry } from 'yauzl';
import { AppFailure } from '../../shared/api/result';
import { parseJsonSafely } from '../../shared/domain/safe-json';
import { vietnameseErrorMap } from '../../shared/domain/zod-issue-messages';
import { nameProblem } from '../package/entry-rules';
import { digestEntry, type OpenPackage } from '../package/entry-stream';
import { LIMITS, MANIFEST_PATH, PACKAGE_FORMAT } from '../package/format';
import { msg, PackageRefusal } from '../package/package-messages';
import { firstZodIssue } from '../package/verify-contents';
import { openCheckedZip } from '../package/zip-reader';
import { ARCHIVE_DATABASE_PATH, archiveManifestSchema, archiveMsg, blobHashOfPath, DATA_ARCHIVE_FORMAT, type ArchiveManifest } from './archive-manifest';

export interface ArchiveVerdict {
  ok: boolean;
  problems: string[];
  manifest: ArchiveManifest | null;
  checkedFiles: number;
  checkedBytes: number;
}

function parseManifest(bytes: Buffer): ArchiveManifest {
  const parsed = parseJsonSafely(bytes.toString('utf8'), { maxBytes: LIMITS.maxJsonBytes, maxDepth: 8 });
  if (!parsed.ok) throw new PackageRefusal(archiveMsg.manifestInvalid(parsed.message), MANIFEST_PATH);
  const format: unknown = typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as { format?: unknown }).format : undefined;
  if (format === PACKAGE_FORMAT) throw new PackageRefusal(archiveMsg.isPackage(), MANIFEST_PATH);
  if (typeof format === 'string' && format !== DATA_ARCHIVE_FORMAT) throw new PackageRefusal(archiveMsg.unknownFormat(format), MANIFEST_PATH);
  const manifest = archiveManifestSchema.safeParse(parsed.value, { error: vietnameseErrorMap });
  if (!manifest.success) throw new PackageRefusal(archiveMsg.manifestInvalid(firstZodIssue(manifest.error)), MANIFEST_PATH);
  return manifest.data;
}

function checkPaths(manifest: ArchiveManifest): void {
  const seen = new Set<string>();
  for (const f of manifest.files) {
    const problem = nameProblem(f.path);
    if (problem) throw new PackageRefusal(problem, MANIFEST_PATH);
    if (seen.has(f.path)) throw new PackageRefusal(archiveMsg.duplicate(f.path), MANIFEST_PATH);
    seen.add(f.path);
    const hash = blobHashOfPath(f.path);
    if (f.path !== ARCHIVE_DATABASE_PATH && hash === null) throw new PackageRefusal(archiveMsg.unexpectedPath(f.path), MANIFEST_PATH);
    if (hash !== null && hash !== f.sha256) throw new PackageRefusal(archiveMsg.blobNameDiffers(f.path), MANIFEST_PATH);
  }
  if (!seen.has(ARCHIVE_DATABASE_PATH)) throw new PackageRefusal(archiveMsg.noDatabase(), MANIFEST_PATH);
}

async function readManifest(pkg: OpenPackage, entries: Entry[]): Promise<ArchiveManifest> {
  const entry = entries.find((e) => e.fileName === MANIFEST_PATH);
  if (!entry) throw new PackageRefusal(archiveMsg.manifestMissing());
  if (entry.uncompressedSize > LIMITS.maxJsonBytes) throw new PackageRefusal(msg.manifestTooLarge(), MANIFEST_PATH);
  const digest = await digestEntry(pkg, entry, LIMITS.maxJsonBytes);
  if (!digest.crcOk || !digest.bytes) throw new PackageRefusal(msg.crcMismatch(MANIFEST_PATH), MANIFEST_PATH);
  const manifest = parseManifest(digest.bytes);
  checkPaths(manifest);
  return manifest;
}

/** Missing, extra and resized entries; then every listed entry hashed. */
async function checkEntries(pkg: OpenPackage, entries: Entry[], manifest: ArchiveManifest, v: ArchiveVerdict): Promise<void> {
  const inZip = new Map(entries.filter((e) => !e.fileName.endsWith('/') && e.fileName !== MANIFEST_PATH).map((e) => [e.fileName, e]));
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of inZip.keys()) if (!listed.has(name)) v.problems.push(msg.extra(name));
  for (const file of manifest.files) {
    const entry = inZip.get(file.path);
    if (!entry) v.problems.push(msg.missing(file.path));
    else if (entry.uncompressedSize !== file.size) v.problems.push(msg.sizeDiffers(file.path, file.size, entry.uncompressedSize));
  }
  if (v.problems.length > 0) return;
  for (const file of manifest.files) {
    const digest = await digestEntry(pkg, inZip.get(file.path)!);
    v.checkedFiles += 1;
    v.checkedBytes += digest.size;
    if (!digest.crcOk) v.problems.push(msg.crcMismatch(file.path));
    else if (digest.sha256 !== file.sha256) v.problems.push(msg.hashDiffers(file.path));
  }
}

export function checkArchiveFile(file: string): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new AppFailure('NOT_FOUND', `Không tìm thấy tệp sao lưu "${file}".`);
  if (!stat.isFile()) throw new AppFailure('INVALID_INPUT', `"${file}" không phải là một tệp.`);
}

/** The full check; a hostile or damaged archive gives ok = false with its problems, never a throw. */
export async function verifyDataArchive(file: string): Promise<ArchiveVerdict> {
  checkArchiveFile(file);
  const v: ArchiveVerdict = { ok: false, problems: [], manifest: null, checkedFiles: 0, checkedBytes: 0 };
  let opened: (OpenPackage & { entries: Entry[] }) | undefined;
  try {
    opened = await openCheckedZip(file);
    v.manifest = await readManifest(opened, opened.entries);
    await checkEntries(opened, opened.entries, v.manifest, v);
  } catch (err) {
    if (!(err instanceof PackageRefusal)) throw err;
    v.problems.push(err.message);
  } finally {
    opened?.zip.close();
  }
  v.ok = v.problems.length === 0;
  return v;
}

/** The verdict as a refusal (INVALID_INPUT, Vietnamese) when it is not ok. */
export function refuseUnlessOk(v: ArchiveVerdict): ArchiveManifest {
  if (v.ok && v.manifest) return v.manifest;
  throw new AppFailure('INVALID_INPUT', archiveMsg.refused(v.problems[0] ?? msg.damaged(), v.problems.length - 1));
}
