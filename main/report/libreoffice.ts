/** LibreOffice headless, for the PDF of the report (the form that gets signed digitally). Each run
 *  uses its own profile folder: two runs sharing one profile fail silently. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppFailure } from '../../shared/api/result';

export const SOFFICE_TIMEOUT_MS = 120_000;

const PATH_NAMES = ['soffice', 'libreoffice'];
const WINDOWS_SUFFIXES = ['.exe', '.com', ''];
const KNOWN_LOCATIONS: Partial<Record<NodeJS.Platform, string[]>> = {
  win32: ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'],
  darwin: ['/Applications/LibreOffice.app/Contents/MacOS/soffice'],
};

function isExecutableFile(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  const suffixes = platform === 'win32' ? WINDOWS_SUFFIXES : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      for (const suffix of suffixes) {
        const candidate = path.join(dir, name + suffix);
        if (isExecutableFile(candidate)) return candidate;
      }
    }
  }
  return null;
}

/** The LibreOffice binary: PAR_SOFFICE, else soffice / libreoffice on PATH, else the usual install folder. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (env.PAR_SOFFICE) return isExecutableFile(env.PAR_SOFFICE) ? env.PAR_SOFFICE : null;
  return onPath(env, platform) ?? (KNOWN_LOCATIONS[platform] ?? []).find(isExecutableFile) ?? null;
}

export const SOFFICE_MISSING_MESSAGE =
  'Máy này chưa cài LibreOffice nên chưa xuất được PDF. Hãy cài LibreOffice (bản miễn phí) rồi thử lại, hoặc xuất tệp .docx và chuyển sang PDF bằng Word.';

export function requireSoffice(env: NodeJS.ProcessEnv = process.env): string {
  const found = findSoffice(env);
  if (!found) throw new AppFailure('UNAVAILABLE', SOFFICE_MISSING_MESSAGE);
  return found;
}

function run(bin: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(bin)} failed: ${err.message}; ${String(stderr).slice(0, 500)}`));
      else resolve();
    });
  });
}

/** Converts a .docx (bytes) to PDF bytes with `soffice --headless --convert-to pdf`. */
export async function convertDocxToPdf(docx: Buffer, bin: string, timeoutMs = SOFFICE_TIMEOUT_MS): Promise<Buffer> {
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'par-pdf-'));
  const profile = path.join(os.tmpdir(), `par-lo-${randomBytes(8).toString('hex')}`);
  try {
    const input = path.join(work, 'bao-cao.docx');
    await fs.promises.writeFile(input, docx);
    const args = ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'pdf', '--outdir', work, input];
    await run(bin, args, timeoutMs);
    const pdf = path.join(work, 'bao-cao.pdf');
    if (!fs.existsSync(pdf)) throw new Error('soffice finished without writing the PDF');
    return await fs.promises.readFile(pdf);
  } catch (err) {
    console.error('[libreoffice]', err);
    throw new AppFailure('INTERNAL', 'LibreOffice không chuyển được báo cáo sang PDF. Hãy thử lại, hoặc xuất tệp .docx và chuyển sang PDF bằng Word.');
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
    await fs.promises.rm(profile, { recursive: true, force: true });
  }
}
