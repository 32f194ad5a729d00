/** The browser tests find a Chromium on any machine, by each of the three ways, or say what to do. */
import { describe, expect, it } from 'vitest';
import { chooseChromium } from '../../helpers/chromium-path';

const PLAYWRIGHT = '/home/an/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const filesOn = (...files: string[]) => (file: string) => files.includes(file);

describe('chooseChromium', () => {
  it('PAR_CHROMIUM first, even where Debian and Playwright have one', () => {
    expect(chooseChromium({ PAR_CHROMIUM: 'C:\\Chrome\\chrome.exe' }, filesOn('C:\\Chrome\\chrome.exe', '/usr/bin/chromium', PLAYWRIGHT), PLAYWRIGHT)).toEqual({
      found: true,
      way: 'PAR_CHROMIUM',
      executablePath: 'C:\\Chrome\\chrome.exe',
    });
  });

  it('a PAR_CHROMIUM that does not exist is reported, not replaced by another browser', () => {
    const choice = chooseChromium({ PAR_CHROMIUM: '/opt/none' }, filesOn('/usr/bin/chromium'), PLAYWRIGHT);
    expect(choice).toEqual({ found: false, message: expect.stringContaining('PAR_CHROMIUM=/opt/none') });
  });

  it("Debian's Chromium where it exists (chromium, or chromium-browser on Ubuntu)", () => {
    expect(chooseChromium({}, filesOn('/usr/bin/chromium', PLAYWRIGHT), PLAYWRIGHT)).toMatchObject({ way: 'debian', executablePath: '/usr/bin/chromium' });
    expect(chooseChromium({}, filesOn('/usr/bin/chromium-browser'), PLAYWRIGHT)).toMatchObject({ way: 'debian', executablePath: '/usr/bin/chromium-browser' });
  });

  it("else Playwright's own browser (Windows, macOS)", () => {
    expect(chooseChromium({}, filesOn(PLAYWRIGHT), PLAYWRIGHT)).toEqual({ found: true, way: 'playwright', executablePath: PLAYWRIGHT });
  });

  it('none: one sentence with the three ways to get one', () => {
    const choice = chooseChromium({}, filesOn(), PLAYWRIGHT);
    expect(choice.found).toBe(false);
    const message = choice.found ? '' : choice.message;
    expect(message).toContain('npx playwright install chromium');
    expect(message).toContain('apt-get install -y chromium');
    expect(message).toContain('PAR_CHROMIUM');
    expect(message).toContain(PLAYWRIGHT);
    expect(message.split(/[.:] [A-Z]/)).toHaveLength(1);
  });
});
