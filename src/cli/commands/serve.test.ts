import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.js';
import { mapTilesOption } from './serve.js';

describe('the --map-tiles option of truce serve', () => {
  it('keeps the maps offline when unset or empty', () => {
    expect(mapTilesOption(undefined)).toBeUndefined();
    expect(mapTilesOption('  ')).toBeUndefined();
  });

  it('takes an http(s) template with {z}, {x} and {y}', () => {
    const template = 'https://tiles.example.org/{z}/{x}/{y}.png';
    expect(mapTilesOption(` ${template} `)).toBe(template);
  });

  it('refuses a template without placeholders or with another scheme', () => {
    expect(() => mapTilesOption('https://tiles.example.org/tile.png')).toThrow(ConfigError);
    expect(() => mapTilesOption('file:///tiles/{z}/{x}/{y}.png')).toThrow(/http\(s\) URL/);
    expect(() => mapTilesOption('not a url {z}{x}{y}')).toThrow(ConfigError);
  });
});
