/**
 * Day/month order of ordered date shapes, decided per file, per column and per shape from the
 * file's own unambiguous rows (a number > 12 can only be the day). Shapes are kept apart because
 * a column that mixes them (`1/22/2014 12:00:00 AM` next to `05/02/2014 00:00`) has usually been
 * re-typed in part by a spreadsheet, so one shape's evidence proves nothing about another's.
 *
 * Rules: a shape with proof of one order only takes that order; a shape whose rows all fit both
 * orders takes `--date-format`, or the import stops with DateFormatAmbiguity; a shape with proof
 * of both orders takes `--date-format` (rows that do not fit it are errors) or stops the import.
 * A proven order wins over a contradicting `--date-format`, with a warning on its first row.
 */
import { DateFormatAmbiguity, type DateExample, type DateShapeEvidence } from './errors.js';
import {
  classifyDateCell,
  formatName,
  resolveOrdered,
  type CivilDateTime,
  type DayMonthOrder,
} from './dates.js';

/** Per column, per shape: what the first pass saw. */
export type DateEvidence = Map<string, Map<string, DateShapeEvidence>>;

/** The outcome of reading one date cell with the decided orders. */
export interface DateReading {
  readonly date?: CivilDateTime;
  readonly error?: string;
  readonly warning?: string;
}

/** Reads date cells once the orders are decided. */
export interface DateOrders {
  read(column: string, cell: string): DateReading;
}

/** Records one cell of a date column (first pass). */
export function observeDate(
  evidence: DateEvidence,
  column: string,
  cell: string,
  line: number,
): void {
  const parsed = classifyDateCell(cell);
  if (parsed.kind !== 'ordered' || parsed.first === parsed.second) return;
  const shapes = evidence.get(column) ?? new Map<string, DateShapeEvidence>();
  evidence.set(column, shapes);
  const zero: DateExample = { count: 0 };
  const seen = shapes.get(parsed.shape) ?? {
    column,
    shape: parsed.shape,
    dayFirst: zero,
    monthFirst: zero,
    undecided: zero,
  };
  const key = parsed.first > 12 ? 'dayFirst' : parsed.second > 12 ? 'monthFirst' : 'undecided';
  const example = seen[key];
  shapes.set(parsed.shape, {
    ...seen,
    [key]:
      example.count === 0
        ? { count: 1, line, cell: cell.trim() }
        : { ...example, count: example.count + 1 },
  });
}

/**
 * Decides an order for every (column, shape) seen, or throws DateFormatAmbiguity listing every
 * column it could not decide, with counts and first examples.
 */
export function decideDateOrders(evidence: DateEvidence, format?: DayMonthOrder): DateOrders {
  const orders = new Map<string, DayMonthOrder>();
  const contradicted = new Map<string, string>();
  const open: DateShapeEvidence[] = [];
  const reasons: string[] = [];
  for (const [column, shapes] of evidence) {
    for (const seen of shapes.values()) {
      const key = `${column}\u0000${seen.shape}`;
      const proven = provenOrder(seen);
      if (proven !== undefined) {
        orders.set(key, proven);
        if (format !== undefined && format !== proven) {
          contradicted.set(key, contradiction(seen, proven, format));
        }
      } else if (format !== undefined) {
        orders.set(key, format);
      } else if (seen.dayFirst.count > 0 || seen.undecided.count > 0) {
        open.push(seen);
        reasons.push(describeOpen(seen, [...shapes.values()]));
      }
    }
  }
  if (open.length > 0) {
    const sep = open[0]?.shape.charAt(2) ?? '/';
    const choices = `${formatName('DM', sep)} or ${formatName('MD', sep)}`;
    throw new DateFormatAmbiguity(`${reasons.join('; ')}; pass --date-format ${choices}`, open);
  }
  const warned = new Set<string>();
  return {
    read(column, cell) {
      const parsed = classifyDateCell(cell);
      if (parsed.kind === 'invalid') return { error: parsed.message };
      if (parsed.kind === 'fixed') return { date: parsed.value };
      const key = `${column}\u0000${parsed.shape}`;
      const order =
        orders.get(key) ?? format ?? (parsed.first === parsed.second ? 'DM' : undefined);
      if (order === undefined) return { error: `"${cell.trim()}": day/month order unknown` };
      const resolved = resolveOrdered(parsed, order);
      if (typeof resolved === 'string') return { error: `"${cell.trim()}" ${resolved}` };
      const note = contradicted.get(key);
      if (note !== undefined && !warned.has(key)) {
        warned.add(key);
        return { date: resolved, warning: note };
      }
      return { date: resolved };
    },
  };
}

/** The order the rows of one shape prove, when they prove exactly one. */
function provenOrder(seen: DateShapeEvidence): DayMonthOrder | undefined {
  if (seen.dayFirst.count > 0 && seen.monthFirst.count === 0) return 'DM';
  if (seen.monthFirst.count > 0 && seen.dayFirst.count === 0) return 'MD';
  return undefined;
}

function describeOpen(seen: DateShapeEvidence, shapes: DateShapeEvidence[]): string {
  const head = `column ${seen.column}`;
  if (seen.dayFirst.count > 0 && seen.monthFirst.count > 0) {
    return (
      `${head}: rows shaped ${seen.shape} contradict each other: ` +
      `${rows(seen.dayFirst.count, 'need')} DD/MM (${example(seen.dayFirst)}) and ` +
      `${rows(seen.monthFirst.count, 'need')} MM/DD (${example(seen.monthFirst)})`
    );
  }
  const others = shapes
    .filter((s) => s !== seen && provenOrder(s) !== undefined)
    .map((s) => {
      const order = provenOrder(s) === 'DM' ? 'DD/MM' : 'MM/DD';
      const proof = order === 'DD/MM' ? s.dayFirst : s.monthFirst;
      return `rows shaped ${s.shape} are ${order} (proven by ${rows(proof.count)}, ${example(proof)})`;
    });
  return (
    `${head}: ${rows(seen.undecided.count)} shaped ${seen.shape} ${agree(seen.undecided.count, 'fit')} both DD/MM and MM/DD ` +
    `(${example(seen.undecided)}); no row of that shape decides` +
    (others.length > 0 ? `; in the same column, ${others.join(' and ')}` : '')
  );
}

function contradiction(seen: DateShapeEvidence, proven: DayMonthOrder, format: DayMonthOrder) {
  const proof = proven === 'DM' ? seen.dayFirst : seen.monthFirst;
  return (
    `rows shaped ${seen.shape} are ${formatName(proven)} (proven by ${rows(proof.count)}, ` +
    `${example(proof)}); --date-format ${formatName(format)} applies only to shapes the file ` +
    `leaves undecided`
  );
}

/** "1 row", "2 rows"; with a verb, "1 row needs", "2 rows need". */
function rows(n: number, verb?: string): string {
  const noun = n === 1 ? '1 row' : `${n} rows`;
  return verb === undefined ? noun : `${noun} ${agree(n, verb)}`;
}

function agree(n: number, verb: string): string {
  return n === 1 ? `${verb}s` : verb;
}

function example(e: DateExample): string {
  return `first on line ${e.line ?? '?'}: "${e.cell ?? ''}"`;
}
