/**
 * The board's activations: one row per activation in the board's order, each with its
 * commitment (linked to the activation's page), guarantor, incident, escalation tier, a
 * response clock that ticks every second and the status in words. Rows that arrived since the
 * board opened are marked "New" (in words, not only by colour).
 */
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
    <div className="table-scroll">
      <table className="data-table table-top board-table" aria-labelledby={labelledBy}>
        <caption className="visually-hidden">{t('board.activationsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('board.colCommitment')}</th>
            <th scope="col">{t('board.colGuarantor')}</th>
            <th scope="col">{t('board.colIncident')}</th>
            <th scope="col">{t('board.colTier')}</th>
            <th scope="col">{t('board.colClock')}</th>
            <th scope="col">{t('board.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
