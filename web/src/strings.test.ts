import { describe, expect, it } from 'vitest';
import { catalogues, englishParts } from './strings';

describe('the English catalogue', () => {
  it('holds every part, and no two parts share a key', () => {
    const seen = new Map<string, string>();
    for (const [part, words] of Object.entries(englishParts)) {
      for (const key of Object.keys(words)) {
        expect(seen.get(key), `${key} in ${part}`).toBeUndefined();
        seen.set(key, part);
      }
    }
    expect(Object.keys(catalogues['en'] ?? {}).sort()).toEqual([...seen.keys()].sort());
  });
});
