import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME_DEFINITION } from '../../../main/shell/app-origin';
import { isTrustedSenderUrl } from '../../../main/shell/sender-check';

describe('isTrustedSenderUrl', () => {
  it.each(['app://renderer/index.html', 'app://renderer/', 'app://renderer/index.html#/assessments/1', APP_ENTRY_URL])(
    'trusts %s',
    (url) => expect(isTrustedSenderUrl(url)).toBe(true),
  );

  it.each([
    '',
    'not a url',
    'about:blank',
    'file:///opt/app/out/renderer/index.html',
    'http://127.0.0.1:5180/',
    'https://renderer/index.html',
    'app://renderer.evil.example/index.html',
    'app://evil/renderer/index.html',
    'app://user@renderer/index.html',
    'app://renderer:8080/index.html',
    'app-x://renderer/index.html',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
  ])('does not trust %s', (url) => expect(isTrustedSenderUrl(url)).toBe(false));

  it('names the app origin and a privileged, standard, secure scheme', () => {
    expect(APP_ORIGIN).toBe('app://renderer');
    expect(APP_SCHEME_DEFINITION).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});
