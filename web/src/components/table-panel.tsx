/**
 * A panel that is a titled table: a section named by its heading, with either a line saying it
 * is empty or the table of its rows.
 */
import type { ReactNode } from 'react';
import { DataTable } from './data-table';

/** Props of TablePanel. */
export interface TablePanelProps {
  /** The id of the section's heading; it names both the section and the table. */
  readonly id: string;
  readonly title: ReactNode;
  /** Shown under the title whether or not there are rows. */
  readonly intro?: ReactNode;
  /** Whether there are no rows: the panel then shows `empty` instead of the table. */
  readonly isEmpty: boolean;
  /** The words of the empty panel, shown in a paragraph. */
  readonly empty: ReactNode;
  /** Shown before the table when there are rows (a link, a warning). */
  readonly before?: ReactNode;
  /** Classes of the table after `data-table`. */
  readonly tableClassName?: string | undefined;
  /** The column headings, in order. */
  readonly columns: readonly ReactNode[];
  /** The rows (`<tr>` elements). */
  readonly children: ReactNode;
  /** Shown last in the section, after the table or the empty line. */
  readonly after?: ReactNode;
}

/**
 * Renders `<section class="panel" aria-labelledby={id}><h2 id={id}>`, then `intro`, then either
 * `<p>{empty}</p>` or `before` and a {@link DataTable} labelled by the heading, then `after`;
 * nothing is added to the DOM for a part that is not given.
 */
export function TablePanel({
  id,
  title,
  intro,
  isEmpty,
  empty,
  before,
  tableClassName,
  columns,
  children,
  after,
}: TablePanelProps) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro}
      {isEmpty ? (
        <p>{empty}</p>
      ) : (
        <>
          {before}
          <DataTable labelledBy={id} className={tableClassName} columns={columns}>
            {children}
          </DataTable>
        </>
      )}
      {after}
    </section>
  );
}
