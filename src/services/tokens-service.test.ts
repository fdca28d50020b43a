import { describe, expect, it } from 'vitest';
import { newTokenId } from './tokens-service.js';

describe('token ids', () => {
  it('never start with "-" or "_", which a command line would misread', () => {
    const drawn = ['-BW7I33wqGyl', '_x7I33wqGylA', 'BW7I33wqGyl-'];
    expect(newTokenId(() => drawn.shift() ?? 'unexpected')).toBe('BW7I33wqGyl-');
    expect(drawn).toEqual([]);
  });

  it('are 12 base64url characters', () => {
    for (let i = 0; i < 200; i++) expect(newTokenId()).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{11}$/);
  });
});
