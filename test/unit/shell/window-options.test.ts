import { describe, expect, it } from 'vitest';
import { secureWindowOptions, WINDOW_TITLE } from '../../../main/shell/window-options';

describe('secureWindowOptions', () => {
  const options = secureWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['spellcheck', false],
    ['disableBlinkFeatures', 'Auxclick'],
  ] as const)('sets webPreferences.%s to %s explicitly', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('uses the given preload path', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('has the Vietnamese title and stays hidden until ready-to-show', () => {
    expect(options.title).toBe('Tự đánh giá Chỉ số CCHC');
    expect(WINDOW_TITLE).toBe(options.title);
    expect(options.show).toBe(false);
  });

  it('has a sensible size with minimums no larger than the default', () => {
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('returns a fresh object each call (no shared mutable state)', () => {
    const a = secureWindowOptions('a');
    const b = secureWindowOptions('b');
    expect(a).not.toBe(b);
    expect(a.webPreferences?.preload).toBe('a');
    expect(b.webPreferences?.preload).toBe('b');
  });
});
