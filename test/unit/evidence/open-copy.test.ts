/** Where "open with the system application" puts its copy, and the Mark of the Web on Windows,
 *  decided with Windows paths (path.win32) and an injected stream writer. */
import path from 'node:path';
import { expect, it } from 'vitest';
import { markOfTheWeb, openCopiesRoot, ZONE_IDENTIFIER_INTERNET } from '../../../main/evidence/open-copy';

const DATA = 'C:\\Users\\an\\AppData\\Roaming\\par-self-assessment';

it('keeps the copies in the per-user data folder', () => {
  expect(openCopiesRoot(DATA, path.win32)).toBe(`${DATA}\\mo-tep`);
  expect(openCopiesRoot('/home/an/.config/par-self-assessment', path.posix)).toBe('/home/an/.config/par-self-assessment/mo-tep');
});

it('writes the Internet zone into the copy’s Zone.Identifier stream on Windows only', async () => {
  const writes: [string, string][] = [];
  const write = (file: string, text: string): Promise<void> => (writes.push([file, text]), Promise.resolve());
  await markOfTheWeb(`${DATA}\\mo-tep\\f-1\\Báo cáo.docx`, { platform: 'win32', write });
  expect(writes).toEqual([[`${DATA}\\mo-tep\\f-1\\Báo cáo.docx:Zone.Identifier`, '[ZoneTransfer]\r\nZoneId=3\r\n']]);
  expect(ZONE_IDENTIFIER_INTERNET).toBe('[ZoneTransfer]\r\nZoneId=3\r\n');
  await markOfTheWeb('/home/an/.config/par-self-assessment/mo-tep/f-1/x.docx', { platform: 'linux', write });
  await markOfTheWeb('/Users/an/Library/x.docx', { platform: 'darwin', write });
  expect(writes).toHaveLength(1);
});
