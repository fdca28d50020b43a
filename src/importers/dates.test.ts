import { describe, expect, it } from 'vitest';
import { decideDateOrders, observeDate, type DateEvidence } from './date-orders.js';
import {
  classifyDateCell,
  endOfDay,
  parseDateFormat,
  resolveOrdered,
  startOfDay,
  toInstant,
} from './dates.js';
import { DateFormatAmbiguity, ImportUsageError } from './errors.js';

function scan(column: string, cells: string[]): DateEvidence {
  const evidence: DateEvidence = new Map();
  cells.forEach((cell, i) => observeDate(evidence, column, cell, i + 2));
  return evidence;
}

describe('date cells', () => {
  it('reads ISO, compact and month-name dates whatever the order', () => {
    for (const [cell, ymd] of [
      ['2022-04-08', [2022, 4, 8]],
      ['2009-02-20T00:00:00', [2009, 2, 20]],
      ['20220408', [2022, 4, 8]],
      ['08 April 2022', [2022, 4, 8]],
      ['8-Apr-2022', [2022, 4, 8]],
      ['April 8, 2022', [2022, 4, 8]],
      ['Sept 8 2022', [2022, 9, 8]],
    ] as const) {
      const parsed = classifyDateCell(cell);
      expect(parsed.kind, cell).toBe('fixed');
      if (parsed.kind === 'fixed') {
        expect([parsed.value.year, parsed.value.month, parsed.value.day]).toEqual(ymd);
      }
    }
  });

  it('keeps the time and offset of an ISO date-time and converts it to UTC', () => {
    const parsed = classifyDateCell('2022-04-08T10:30:00+03:00');
    expect(parsed.kind === 'fixed' && toInstant(parsed.value)).toBe('2022-04-08T07:30:00Z');
  });

  it('gives ordered shapes a key by separator and time style, not by zero padding', () => {
    const shape = (cell: string) => {
      const parsed = classifyDateCell(cell);
      return parsed.kind === 'ordered' ? parsed.shape : parsed.kind;
    };
    expect(shape('1/22/2014 12:00:00 AM')).toBe('nn/nn/yyyy h:mm:ss AM/PM');
    expect(shape('10/13/2014 12:00:00 AM')).toBe('nn/nn/yyyy h:mm:ss AM/PM');
    expect(shape('05/02/2014 00:00')).toBe('nn/nn/yyyy hh:mm');
    expect(shape('08.04.2022')).toBe('nn.nn.yyyy');
  });

  it('rejects what is not a date with a reason', () => {
    expect(classifyDateCell('')).toEqual({ kind: 'invalid', message: 'is empty' });
    expect(classifyDateCell('2022-02-30')).toMatchObject({ kind: 'invalid' });
    expect(classifyDateCell('13/13/2022')).toMatchObject({ kind: 'invalid' });
    expect(classifyDateCell('1/2/2022 13:00 PM')).toMatchObject({ kind: 'invalid' });
    expect(classifyDateCell('yesterday')).toMatchObject({ kind: 'invalid' });
  });

  it('resolves an ordered cell under either order and says when it does not fit', () => {
    const cell = classifyDateCell('05/02/2014 00:00');
    if (cell.kind !== 'ordered') throw new Error('expected an ordered cell');
    expect(resolveOrdered(cell, 'MD')).toMatchObject({ year: 2014, month: 5, day: 2 });
    expect(resolveOrdered(cell, 'DM')).toMatchObject({ year: 2014, month: 2, day: 5 });
    const late = classifyDateCell('25/03/2022');
    if (late.kind !== 'ordered') throw new Error('expected an ordered cell');
    expect(resolveOrdered(late, 'MD')).toMatch(/does not fit MM\/DD\/YYYY/);
  });

  it('turns 12 AM into midnight and 12 PM into noon', () => {
    const midnight = classifyDateCell('1/22/2014 12:00:00 AM');
    const noon = classifyDateCell('1/22/2014 12:30 PM');
    expect(midnight.kind === 'ordered' && midnight.time).toEqual({ hour: 0, minute: 0, second: 0 });
    expect(noon.kind === 'ordered' && noon.time).toEqual({ hour: 12, minute: 30, second: 0 });
  });

  it('makes whole-day windows in UTC', () => {
    const d = { year: 2014, month: 1, day: 22 };
    expect([startOfDay(d), endOfDay(d)]).toEqual(['2014-01-22T00:00:00Z', '2014-01-22T23:59:59Z']);
  });

  it('accepts --date-format in either order with any separator and refuses anything else', () => {
    expect(parseDateFormat('DD/MM/YYYY')).toBe('DM');
    expect(parseDateFormat('mm.dd.yyyy')).toBe('MD');
    expect(parseDateFormat('MM-DD-YYYY hh:mm')).toBe('MD');
    expect(() => parseDateFormat('YYYY/DD/MM')).toThrow(ImportUsageError);
    expect(() => parseDateFormat('DD/DD/YYYY')).toThrow(ImportUsageError);
  });
});

describe('day/month order per column and shape', () => {
  it('takes the order that a day above 12 proves, for the whole shape', () => {
    const orders = decideDateOrders(scan('date', ['03/04/2022', '25/04/2022']));
    expect(orders.read('date', '03/04/2022').date).toMatchObject({ month: 4, day: 3 });
  });

  it('stops with the counts, the first example and the choices when no row decides', () => {
    const evidence = scan('date_start', ['03/04/2022', '05/06/2022', '07/07/2022']);
    expect(() => decideDateOrders(evidence)).toThrow(DateFormatAmbiguity);
    expect(() => decideDateOrders(evidence)).toThrow(
      'column date_start: 2 rows shaped nn/nn/yyyy fit both DD/MM and MM/DD ' +
        '(first on line 2: "03/04/2022"); no row of that shape decides; ' +
        'pass --date-format DD/MM/YYYY or MM/DD/YYYY',
    );
  });

  it('does not let one shape decide another, but names the proven one in the message', () => {
    const evidence = scan('date_start', ['1/22/2014 12:00:00 AM', '05/02/2014 00:00']);
    let error: unknown;
    try {
      decideDateOrders(evidence);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DateFormatAmbiguity);
    expect((error as Error).message).toContain(
      'in the same column, rows shaped nn/nn/yyyy h:mm:ss AM/PM are MM/DD (proven by 1 row',
    );
    expect((error as DateFormatAmbiguity).evidence).toMatchObject([
      { column: 'date_start', shape: 'nn/nn/yyyy hh:mm', undecided: { count: 1, line: 3 } },
    ]);
  });

  it('decides each column on its own', () => {
    const evidence = scan('a', ['25/04/2022', '03/04/2022']);
    scan('b', ['04/25/2022', '04/03/2022']).forEach((v, k) => evidence.set(k, v));
    const orders = decideDateOrders(evidence);
    expect(orders.read('a', '03/04/2022').date).toMatchObject({ month: 4, day: 3 });
    expect(orders.read('b', '04/03/2022').date).toMatchObject({ month: 4, day: 3 });
  });

  it('stops when rows of one shape prove both orders, unless a format is given', () => {
    const evidence = scan('date', ['25/04/2022', '04/25/2022']);
    expect(() => decideDateOrders(evidence)).toThrow(/contradict each other: 1 row needs DD\/MM/);
    const orders = decideDateOrders(evidence, 'DM');
    expect(orders.read('date', '25/04/2022').date).toMatchObject({ month: 4, day: 25 });
    expect(orders.read('date', '04/25/2022').error).toMatch(/does not fit DD\/MM\/YYYY/);
  });

  it('applies --date-format to undecided shapes and warns once where the file proves otherwise', () => {
    const evidence = scan('date', ['1/22/2014 12:00:00 AM', '05/02/2014 00:00']);
    const orders = decideDateOrders(evidence, 'DM');
    expect(orders.read('date', '05/02/2014 00:00').date).toMatchObject({ month: 2, day: 5 });
    const first = orders.read('date', '2/3/2014 12:00:00 AM');
    expect(first.date).toMatchObject({ month: 2, day: 3 });
    expect(first.warning).toMatch(/are MM\/DD\/YYYY .*--date-format DD\/MM\/YYYY applies only/);
    expect(orders.read('date', '2/4/2014 12:00:00 AM').warning).toBeUndefined();
  });

  it('needs no decision when day and month are the same number', () => {
    const orders = decideDateOrders(scan('date', ['05/05/2022']));
    expect(orders.read('date', '05/05/2022').date).toMatchObject({ month: 5, day: 5 });
  });
});
