import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.js';

describe('CSV cells for spreadsheets', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['Kramatorsk, "station"', '"Kramatorsk, ""station"""'],
    ['line\nbreak', '"line\nbreak"'],
  ])('makes %j safe', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('writes numbers and missing values plainly, lines with CRLF', () => {
    expect(csvLine(['a', -37.5, null, 0])).toBe('"a",-37.5,,0\r\n');
  });
});
