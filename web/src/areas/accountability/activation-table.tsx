/**
 * Activations as a table: the commitment (linked to the activation's page), the guarantor, the
 * incident, when it was activated, the deadline with how long is left or how late, the
 * escalation tier and the status. Used by the activations list and the incident page.
 */
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { Link } from '../../components/link';
import { t } from '../../strings';
import type { Actor } from '../agreements/types';
import { actorName } from '../agreements/words';
import { incidentPath } from '../monitoring/paths';
import { activationPath } from './paths';
import type { Activation, ActivationStatus } from './types';
import { activationStatusLabel, clockText } from './words';

/** Props of ActivationTable. */
export interface ActivationTableProps {
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
  readonly activations: readonly Activation[];
  /** Known actors, to name guarantors. */
  readonly actors: readonly Actor[];
  /** Whether to show the incident column (not on the incident's own page). */
  readonly showIncident: boolean;
}

/** The table of activations. */
export function ActivationTable({
  labelledBy,
  activations,
  actors,
  showIncident,
}: ActivationTableProps) {
  const now = Date.now();
  return (
    <DataTable
      labelledBy={labelledBy}
      className="table-top"
      columns={[
        t('activations.colCommitment'),
        t('activations.colGuarantor'),
        ...(showIncident ? [t('activations.colIncident')] : []),
        t('activations.colActivated'),
        t('activations.colDeadline'),
        t('activations.colTier'),
        t('activations.colStatus'),
      ]}
    >
      {activations.map((activation) => (
        <tr key={activation.id}>
          <th scope="row">
            <ActivationLink activation={activation} />
          </th>
          <td>{guarantorText(actors, activation.obligor)}</td>
          {showIncident && (
            <td>
              <IncidentLink incidentId={activation.incidentId} />
            </td>
          )}
          <td>
            <DateTime iso={activation.activatedAt} empty={t('time.none')} />
          </td>
          <td>
            <DateTime iso={activation.deadline} empty={t('clock.noDeadline')} />
            {activation.deadline !== null && (
              <span className="cell-note">{clockText(activation, now)}</span>
            )}
          </td>
          <td className="cell-number">{activation.tier}</td>
          <td>
            <StatusWithLateness activation={activation} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The length of an incident id as links show it; the whole id is in their accessible name. */
const SHORT_ID = 8;

/** A link to an incident, named by the start of its id. */
export function IncidentLink({ incidentId }: { readonly incidentId: string }) {
  return (
    <Link
      to={incidentPath(incidentId)}
      aria-label={t('activations.incidentLabel', { id: incidentId })}
    >
      {t('activations.incidentLink', { id: incidentId.slice(0, SHORT_ID) })}
    </Link>
  );
}

/** "United Kingdom (GBR)", or the id alone when the actor is unknown. */
export function guarantorText(actors: readonly Actor[], id: string): string {
  const name = actorName(actors, id);
  return name === id ? id : t('activations.guarantor', { name, id });
}

const STATUS_ICONS: Readonly<Record<ActivationStatus, string>> = {
  open: '◷',
  met: '✓',
  overdue: '!',
  breached: '✗',
  withdrawn: '–',
};

/** The way to an activation's page, named by its document and commitment. */
export function ActivationLink({ activation }: { readonly activation: Activation }) {
  return (
    <Link to={activationPath(activation.id)}>
      {t('activations.commitment', {
        document: activation.documentId,
        commitment: activation.commitmentId,
      })}
    </Link>
  );
}

/** An activation's status badge, and a note when it was met late. */
export function StatusWithLateness({ activation }: { readonly activation: Activation }) {
  return (
    <>
      <StatusBadge status={activation.status} />
      {activation.late && activation.status === 'met' && (
        <span className="cell-note">{t('activation.lateShort')}</span>
      )}
    </>
  );
}

/** An activation's status as a badge with an icon and words. */
export function StatusBadge({ status }: { readonly status: ActivationStatus }) {
  return (
    <span className={`badge badge-${status}`}>
      <span className="badge-icon" aria-hidden="true">
        {STATUS_ICONS[status] ?? '?'}
      </span>
      <span>{activationStatusLabel(status)}</span>
    </span>
  );
}
