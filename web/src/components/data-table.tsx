/**
 * The app's data table: a horizontally scrolling box around a `data-table` table named by a
 * heading (or a label), with one header row of column headings and the caller's rows.
 */
import type { ReactNode } from 'react';

/** Props of DataTable. */
export interface DataTableProps {
  /** The id of the heading that names the table (its `aria-labelledby`). */
  readonly labelledBy?: string | undefined;
  /** The table's accessible name, where no heading names it (its `aria-label`). */
  readonly label?: string | undefined;
  /** Classes after `data-table`, e.g. `table-top`. */
  readonly className?: string | undefined;
  /** The class of the scrolling box; `table-scroll` unless told. */
  readonly scrollClassName?: string | undefined;
  /** A caption, hidden from sight but read by screen readers. */
  readonly caption?: ReactNode;
  /** The column headings, in order; each becomes a `<th scope="col">`. */
  readonly columns: readonly ReactNode[];
  /** The body's rows (`<tr>` elements). */
  readonly children: ReactNode;
}

/**
 * Renders `<div class="table-scroll"><table class="data-table …">`, an optional visually hidden
 * caption, a `<thead>` with one `<th scope="col">` per column, and a `<tbody>` holding the
 * children; attributes that are not given are left out of the DOM.
 */
export function DataTable({
  labelledBy,
  label,
  className,
  scrollClassName = 'table-scroll',
  caption,
  columns,
  children,
}: DataTableProps) {
  return (
    <div className={scrollClassName}>
      <table
        className={className === undefined ? 'data-table' : `data-table ${className}`}
        aria-labelledby={labelledBy}
        aria-label={label}
      >
        {caption !== undefined && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
