/**
 * Verification on the incident page: the current status, who the incident is assigned to, who
 * holds its edit lock, every step taken (who, when, how, with notes), and for people who may
 * verify, the lock buttons and the form for the next step.
 */
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DecisionProof } from '../../components/decision-proof';
import { Link } from '../../components/link';
import { t } from '../../strings';
import { incidentPath } from '../monitoring/paths';
import { AssignForm } from './assign-form';
import { EditLock } from './edit-lock';
import type { AccountabilityAccess } from './access';
import type { IncidentAccountability, VerificationStep } from './types';
import { VerificationForm } from './verification-form';
import { principalText, verificationStatusLabel } from './words';

/** Props of VerificationPanel. */
export interface VerificationPanelProps {
  readonly incidentId: string;
  readonly view: IncidentAccountability;
  readonly access: AccountabilityAccess;
  readonly onChanged: () => void;
}

/** The verification part of the accountability section. */
export function VerificationPanel({ incidentId, view, access, onChanged }: VerificationPanelProps) {
  const headingId = `verification-${incidentId}`;
  const historyId = `verification-history-${incidentId}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('ladder.title')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('ladder.current')}</dt>
          <dd>
            <strong className="status-word">{verificationStatusLabel(view.status)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('ladder.assignee')}</dt>
          <dd>
            {view.assignment === null ? (
              t('ladder.unassigned')
            ) : (
              <>
                {view.assignment.assignee}{' '}
                <span className="muted">
                  ({t('ladder.assignedSince')}{' '}
                  <DateTime iso={view.assignment.assignedAt} empty={t('time.none')} />)
                </span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('lock.title')}</dt>
          <dd>
            <EditLock
              incidentId={incidentId}
              lock={view.lock}
              access={access}
              onChanged={onChanged}
            />
          </dd>
        </div>
      </dl>
      {access.canAssign && (
        <AssignForm
          incidentId={incidentId}
          assignee={view.assignment?.assignee ?? null}
          onChanged={onChanged}
        />
      )}
      <h4 id={historyId}>{t('ladder.history')}</h4>
      {view.steps.length === 0 ? (
        <p>{t('ladder.noSteps')}</p>
      ) : (
        <StepTable labelledBy={historyId} steps={view.steps} access={access} />
      )}
      {access.canVerify && view.nextStatuses.length > 0 && (
        <VerificationForm
          incidentId={incidentId}
          status={view.status}
          nextStatuses={view.nextStatuses}
          onChanged={onChanged}
        />
      )}
    </section>
  );
}

interface StepTableProps {
  readonly labelledBy: string;
  readonly steps: readonly VerificationStep[];
  readonly access: AccountabilityAccess;
}

function StepTable({ labelledBy, steps, access }: StepTableProps) {
  return (
    <DataTable
      labelledBy={labelledBy}
      className="table-top"
      columns={[
        t('ladder.colStep'),
        t('ladder.colWhen'),
        t('ladder.colBy'),
        t('ladder.colMethod'),
        t('ladder.colNotes'),
        t('ladder.colRecord'),
      ]}
    >
      {steps.map((step, index) => (
        <tr key={`${step.at}-${index}`}>
          <th scope="row">
            {t('ladder.step', {
              from: verificationStatusLabel(step.from),
              to: verificationStatusLabel(step.to),
            })}
          </th>
          <td>
            <DateTime iso={step.at} empty={t('time.none')} />
          </td>
          <td className="cell-by">{principalText(step.by, access.self)}</td>
          <td>{step.method ?? t('ladder.noMethod')}</td>
          <td>
            {step.notes ?? (step.obstructionIncidentId === null ? t('time.none') : '')}
            {step.obstructionIncidentId !== null && (
              <span className="cell-note">
                <Link to={incidentPath(step.obstructionIncidentId)}>
                  {t('ladder.obstructionLink')}
                </Link>
              </span>
            )}
          </td>
          <td>
            <DecisionProof
              eventId={step.eventId}
              what={t('ladder.step', {
                from: verificationStatusLabel(step.from),
                to: verificationStatusLabel(step.to),
              })}
            />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
