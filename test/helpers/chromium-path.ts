/**
 * Which Chromium the browser tests drive, on any developer's machine: PAR_CHROMIUM (an explicit
 * binary), else Debian's Chromium where it exists, else Playwright's own browser
 * (`npx playwright install chromium`); when none is there, one sentence saying what to do.
 * Pure: the file check and Playwright's browser path are passed in (playwright.config.ts uses it).
 */
export type ChromiumChoice =
  | { found: true; way: 'PAR_CHROMIUM' | 'debian' | 'playwright'; executablePath: string }
  | { found: false; message: string };

export const DEBIAN_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function noChromiumMessage(tried: string[]): string {
  return (
    `No Chromium for the browser tests (tried ${tried.join(', ')}): run \`npx playwright install chromium\`, ` +
    'or on Debian/Ubuntu `apt-get install -y chromium`, or set PAR_CHROMIUM to a Chromium or Chrome binary.'
  );
}

export function chooseChromium(env: NodeJS.ProcessEnv, isFile: (file: string) => boolean, playwrightChromium: string | undefined): ChromiumChoice {
  const tried: string[] = [];
  if (env.PAR_CHROMIUM) {
    if (isFile(env.PAR_CHROMIUM)) return { found: true, way: 'PAR_CHROMIUM', executablePath: env.PAR_CHROMIUM };
    // An explicit choice that does not exist is a mistake to report, not to work around.
    return { found: false, message: noChromiumMessage([`PAR_CHROMIUM=${env.PAR_CHROMIUM}`]) };
  }
  for (const file of DEBIAN_CHROMIUM) {
    if (isFile(file)) return { found: true, way: 'debian', executablePath: file };
    tried.push(file);
  }
  if (playwrightChromium) {
    if (isFile(playwrightChromium)) return { found: true, way: 'playwright', executablePath: playwrightChromium };
    tried.push(playwrightChromium);
  }
  return { found: false, message: noChromiumMessage(tried) };
}
