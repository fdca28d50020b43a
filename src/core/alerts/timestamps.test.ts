import { describe, expect, it } from 'vitest';
import { atomTimestamp, capTimestamp } from './timestamps.js';

describe('alert timestamps', () => {
  it('write a Date in UTC to the second: "+00:00" for CAP, "Z" for Atom', () => {
    const date = new Date('2025-12-31T23:59:59.999Z');
    expect(capTimestamp(date, 'sent')).toBe('2025-12-31T23:59:59+00:00');
    expect(atomTimestamp(date, 'updated')).toBe('2025-12-31T23:59:59Z');
  });

  it.each(['2025-03-14T09:26:53+02:00', '2025-03-14T07:26:53.125Z', '2024-02-29T00:00:00-14:00'])(
    'pass the valid RFC 3339 time %s to Atom unchanged',
    (text) => {
      expect(atomTimestamp(text, 'updated')).toBe(text);
    },
  );

  it('keep the offset a string gives, for CAP too', () => {
    expect(capTimestamp('2024-02-29T23:00:00.75-05:00', 'sent')).toBe('2024-02-29T23:00:00-05:00');
  });

  it.each([
    '2025-03-14T09:26:53',
    '2025-03-14t09:26:53z',
    '2023-02-29T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-03-14T09:60:00Z',
    '2025-03-14T09:26:60Z',
    '2025-03-14T09:26:53+02:60',
    '2025-03-14T09:26:53+0200',
    '',
  ])('refuse %j, naming the field', (text) => {
    expect(() => atomTimestamp(text, 'entries[0].updated')).toThrow(/^entries\[0\]\.updated: /);
    expect(() => capTimestamp(text, 'info[0].onset')).toThrow(/^info\[0\]\.onset: /);
  });
});
