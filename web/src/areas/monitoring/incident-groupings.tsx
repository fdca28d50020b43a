/**
 * Why an incident's reports are together: for each pair, the decision (grouped, or only
 * suggested), the score, the distance against the tolerance, the overlap of their time windows
 * or the gap between them, and how well their types match, all in words. A pair whose other
 * report is in another incident links to it; people who may group can merge the two from there.
 */
import { useId, useState } from 'react';
import { Link } from '../../components/link';
import { TablePanel } from '../../components/table-panel';
import { t, type MessageId } from '../../strings';
import { reportLabel } from './incident-reports';
import { MergeForm } from './merge-form';
import { incidentPath } from './paths';
import type { Grouping, StoredReport } from './types';
import { distanceText, overlapText, scoreText } from './words';

const DECISIONS: Readonly<Record<Grouping['explanation']['decision'], MessageId>> = {
  grouped: 'grouping.grouped',
  suggested: 'grouping.suggested',
  apart: 'grouping.apart',
};

const TYPE_MATCHES: Readonly<Record<Grouping['explanation']['typeMatch'], MessageId>> = {
  same: 'grouping.typeSame',
  category: 'grouping.typeCategory',
  related: 'grouping.typeRelated',
  none: 'grouping.typeNone',
};

const COLUMNS = 7;

/** Props of IncidentGroupings. */
export interface IncidentGroupingsProps {
  /** The id of the section's heading. */
  readonly id: string;
  readonly groupings: readonly Grouping[];
  /** The incident's reports, to name each report of a pair as the reports section does. */
  readonly reports: readonly StoredReport[];
  /** Whether the session may merge incidents (holds incident.group). */
  readonly canGroup: boolean;
  /** Merges this incident with another; a rejection is shown in the merge form. */
  readonly onMerge: (otherIncidentId: string, reason: string) => Promise<void>;
}

/** The grouping section of an incident page. */
export function IncidentGroupings({
  id,
  groupings,
  reports,
  canGroup,
  onMerge,
}: IncidentGroupingsProps) {
  // The pair whose merge form is open, by its row key; one at a time.
  const [open, setOpen] = useState<string | null>(null);
  const name = (reportId: string) => {
    const index = reports.findIndex((report) => report.id === reportId);
    return index === -1 ? t('grouping.otherReport') : reportLabel(index);
  };
  // This incident's report first: "Report 1 and a report of another incident".
  const pairName = ({ reportId, otherId }: Grouping) => {
    const outside = reports.every((report) => report.id !== reportId);
    const [first, second] = outside ? [otherId, reportId] : [reportId, otherId];
    return t('grouping.pair', { first: name(first), second: name(second) });
  };
  return (
    <TablePanel
      id={id}
      title={t('grouping.title')}
      isEmpty={groupings.length === 0}
      empty={t('grouping.empty')}
      columns={[
        t('grouping.colPair'),
        t('grouping.colDecision'),
        t('grouping.colScore'),
        t('grouping.colDistance'),
        t('grouping.colTime'),
        t('grouping.colType'),
        t('grouping.colIncident'),
      ]}
    >
      {groupings.map((grouping) => {
        const key = `${grouping.reportId}/${grouping.otherId}`;
        return (
          <GroupingRow
            key={key}
            grouping={grouping}
            pair={pairName(grouping)}
            canGroup={canGroup}
            open={open === key}
            onOpen={(on) => setOpen(on ? key : null)}
            onMerge={onMerge}
          />
        );
      })}
    </TablePanel>
  );
}

interface GroupingRowProps {
  readonly grouping: Grouping;
  /** The pair's name, "Report 1 and Report 2". */
  readonly pair: string;
  readonly canGroup: boolean;
  /** Whether the row's merge form is open. */
  readonly open: boolean;
  readonly onOpen: (open: boolean) => void;
  readonly onMerge: (otherIncidentId: string, reason: string) => Promise<void>;
}

function GroupingRow({ grouping, pair, canGroup, open, onOpen, onMerge }: GroupingRowProps) {
  const formId = useId();
  const { explanation, otherIncidentId } = grouping;
  return (
    <>
      <tr>
        <th scope="row">{pair}</th>
        <td>
          <strong>{t(DECISIONS[explanation.decision])}</strong>
        </td>
        <td className="cell-number">{scoreText(explanation.score)}</td>
        <td>
          {t('grouping.distance', {
            distance: distanceText(explanation.distanceM),
            tolerance: distanceText(explanation.toleranceM),
          })}
        </td>
        <td>{overlapText(explanation)}</td>
        <td>{t(TYPE_MATCHES[explanation.typeMatch])}</td>
        <td>
          {otherIncidentId === null ? (
            t('grouping.sameIncident')
          ) : (
            <div className="actions">
              <Link to={incidentPath(otherIncidentId)}>{t('grouping.otherIncident')}</Link>
              {canGroup && (
                <button
                  type="button"
                  className="button-small button-secondary"
                  aria-expanded={open}
                  aria-controls={open ? formId : undefined}
                  onClick={() => onOpen(!open)}
                >
                  {t('grouping.merge')}
                </button>
              )}
            </div>
          )}
        </td>
      </tr>
      {canGroup && open && otherIncidentId !== null && (
        <tr className="row-form">
          <td colSpan={COLUMNS}>
            <MergeForm
              id={formId}
              onMerge={async (reason) => {
                await onMerge(otherIncidentId, reason);
                onOpen(false);
              }}
              onCancel={() => onOpen(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
