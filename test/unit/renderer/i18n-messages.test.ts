/** The message tables: split into parts by feature, they must still define each key once, and the
 *  English text of a key must take the same {placeholders} as the Vietnamese (else a name or a
 *  number silently goes missing from what the officer reads). */
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { vi, viParts } from '../../../renderer/i18n/vi';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message tables', () => {
  it('defines every Vietnamese key in exactly one part', () => {
    const keys = viParts.flatMap((part) => Object.keys(part));
    const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(twice).toEqual([]);
    expect(keys.length).toBe(Object.keys(vi).length);
  });

  it('gives English the same keys and the same placeholders as Vietnamese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const differing = Object.entries(vi).filter(([key, text]) => placeholders(text).join() !== placeholders(en[key as keyof typeof en]).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});
