/**
 * The board's activations: one row per activation in the board's order, each with its
 * commitment (linked to the activation's page), guarantor, incident, escalation tier, a
 * response clock that ticks every second and the status in words. Rows that arrived since the
 * board opened are marked "New" (in words, not only by colour).
 */
import { DataTable } from '../../components/data-table';
import { t } from '../../strings';
import {
  ActivationLink,
  IncidentLink,
  StatusWithLateness,
  guarantorText,
} from '../accountability/activation-table';
import type { Activation } from '../accountability/types';
import type { Actor } from '../agreements/types';
import { BoardClock, orderForBoard, useNow } from './clock';

/** Props of BoardActivations. */
export interface BoardActivationsProps {
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
  readonly activations: readonly Activation[];
  readonly actors: readonly Actor[];
  /** Ids of activations that appeared or changed since the board opened. */
  readonly fresh: ReadonlySet<string>;
}

/** The table of activations with their running clocks. */
export function BoardActivations({
  labelledBy,
  activations,
  actors,
  fresh,
}: BoardActivationsProps) {
  const now = useNow(1000);
  return (
    <DataTable
      labelledBy={labelledBy}
      className="table-top board-table"
      caption={t('board.activationsCaption')}
      columns={[
        t('board.colCommitment'),
        t('board.colGuarantor'),
        t('board.colIncident'),
        t('board.colTier'),
        t('board.colClock'),
        t('board.colStatus'),
      ]}
    >
      {orderForBoard(activations).map((activation) => {
        const isFresh = fresh.has(activation.id);
        return (
          <tr
            key={activation.id}
            className={isFresh ? 'board-row-new' : undefined}
            data-activation={activation.id}
          >
            <th scope="row">
              {isFresh && <span className="board-new">{t('board.new')}</span>}{' '}
              <ActivationLink activation={activation} />
            </th>
            <td>{guarantorText(actors, activation.obligor)}</td>
            <td>
              <IncidentLink incidentId={activation.incidentId} />
            </td>
            <td className="cell-nowrap">{t('board.tier', { tier: activation.tier })}</td>
            <td>
              <BoardClock activation={activation} now={now} />
            </td>
            <td>
              <StatusWithLateness activation={activation} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
