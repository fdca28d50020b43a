/**
 * The two errors an import throws instead of yielding rows. Everything wrong with a single row
 * is a row problem (`ImportRow.problems`), never an exception.
 */

/**
 * The caller asked for something the importer cannot do: an unknown format or mapping target,
 * a file that lacks the columns of the chosen format, a malformed `--date-format`. Thrown before
 * any row is yielded.
 */
export class ImportUsageError extends Error {
  override readonly name = 'ImportUsageError';
}

/** What the first pass saw in one column for one date shape (e.g. `nn/nn/yyyy hh:mm`). */
export interface DateShapeEvidence {
  readonly column: string;
  readonly shape: string;
  /** Rows whose first number is > 12, so they must be DD/MM. */
  readonly dayFirst: DateExample;
  /** Rows whose second number is > 12, so they must be MM/DD. */
  readonly monthFirst: DateExample;
  /** Rows that fit both orders and give different dates under each. */
  readonly undecided: DateExample;
}

/** A count of rows and the first of them, for messages. */
export interface DateExample {
  readonly count: number;
  readonly line?: number;
  readonly cell?: string;
}

/**
 * Thrown before any row is yielded when the day/month order of a date column (per date shape)
 * cannot be decided from the file's own rows and no `--date-format` was given, or when the rows
 * of one shape contradict each other. The message names each column, what was seen and the
 * `--date-format` values to choose from; `evidence` holds the same facts as data.
 */
export class DateFormatAmbiguity extends Error {
  override readonly name = 'DateFormatAmbiguity';
  constructor(
    message: string,
    readonly evidence: readonly DateShapeEvidence[],
  ) {
    super(message);
  }
}
