/** Opening an untrusted zip with yauzl and listing its central directory under the entry rules.
 *  Nothing is decompressed here. yauzl's own refusals (it validates names and sizes too) are
 *  translated into the same Vietnamese messages. */
import fs from 'node:fs';
import { layoutProblem } from './archive-layout';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { LIMITS } from './format';
import { nameProblem, NameRegistry, rawNameProblem, sizeProblem, typeProblem } from './entry-rules';
import type { OpenPackage } from './entry-stream';
import { msg, PackageRefusal } from './package-messages';

const YAUZL_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: false, strictFileNames: true };
const NAMED_ERRORS = /^(invalid characters in fileName|absolute path|invalid relative path): ([\s\S]*)$/;

/** yauzl's English error → a refusal with the message of the matching rule. */
export function refusalFromZipError(err: unknown): PackageRefusal {
  if (err instanceof PackageRefusal) return err;
  const text = err instanceof Error ? err.message : String(err);
  const named = NAMED_ERRORS.exec(text);
  if (named) return new PackageRefusal(nameProblem(named[2]!) ?? msg.damaged(), named[2]!);
  if (/end of central directory record signature not found/i.test(text)) return new PackageRefusal(msg.notAZip());
  if (/strong encryption/.test(text)) return new PackageRefusal(msg.encrypted('?'));
  if (/^Invalid comment length/.test(text)) return new PackageRefusal(msg.bytesOutside());
  if (/^(invalid central directory file header signature|unexpected EOF)/.test(text)) return new PackageRefusal(msg.lyingDirectory());
  return new PackageRefusal(msg.damaged());
}

export async function openZip(file: string): Promise<ZipFile> {
  const stat = await fs.promises.stat(file);
  if (stat.size === 0) throw new PackageRefusal(msg.emptyPackage());
  try {
    return await yauzl.openPromise(file, YAUZL_OPTIONS);
  } catch (err) {
    throw refusalFromZipError(err);
  }
}

function entryProblem(entry: Entry, names: NameRegistry): string | null {
  return rawNameProblem(entry) ?? nameProblem(entry.fileName) ?? typeProblem(entry) ?? names.add(entry.fileName);
}

/** yauzl's read position in the central directory (typed wrongly as a boolean by @types/yauzl). */
const directoryCursor = (zip: ZipFile): number => (zip as unknown as { readEntryCursor: number }).readEntryCursor;

/** Every entry of the central directory, each checked as it is read; the first problem refuses. */
export function listEntries(zip: ZipFile): Promise<Entry[]> {
  if (zip.entryCount > LIMITS.maxEntries) return Promise.reject(new PackageRefusal(msg.tooManyEntries(zip.entryCount)));
  const names = new NameRegistry();
  const entries: Entry[] = [];
  return new Promise((resolve, reject) => {
    const stop = (err: unknown) => {
      zip.removeAllListeners();
      zip.on('error', () => {});
      reject(refusalFromZipError(err));
    };
    zip.on('error', stop);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      const problem = entryProblem(entry, names);
      if (problem) return stop(new PackageRefusal(problem, entry.fileName));
      entries.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

async function checkLayout(file: string, zip: ZipFile, entries: Entry[], centralStart: number): Promise<string | null> {
  const fh = await fs.promises.open(file, 'r');
  try {
    return await layoutProblem(fh, entries, { centralStart, centralEnd: directoryCursor(zip), commentBytes: zip.comment.length });
  } finally {
    await fh.close();
  }
}

/** The whole directory, listed and checked; the zip stays open for reading entries (close it). */
export async function openCheckedZip(file: string): Promise<OpenPackage & { entries: Entry[] }> {
  const zip = await openZip(file);
  try {
    const centralStart = directoryCursor(zip);
    const entries = await listEntries(zip);
    const problem = sizeProblem(entries) ?? (await checkLayout(file, zip, entries, centralStart));
    if (problem) throw new PackageRefusal(problem);
    return { zip, file, entries };
  } catch (err) {
    zip.close();
    throw err;
  }
}
