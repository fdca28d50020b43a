/**
 * One activation: its response clock (activated, deadline with time left or how late, breach
 * time, escalation tier, status, whether it was met late), the guarantor's responses, each
 * said plainly to meet the commitment or not, and the CAP alerts sent about it. A guarantor
 * user acting for the obligor records responses here.
 */
import { useCallback, type ReactNode } from 'react';
import type { Session } from '../../api-types';
import { Breadcrumb } from '../../components/breadcrumb';
import { DateTime } from '../../components/date-time';
import { DecisionProof } from '../../components/decision-proof';
import { ErrorMessage } from '../../components/error-message';
import { Link } from '../../components/link';
import { PageTitle } from '../../components/page-title';
import { TablePanel } from '../../components/table-panel';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { commitmentPath } from '../agreements/paths';
import type { Actor } from '../agreements/types';
import { guarantorText, IncidentLink, StatusBadge } from './activation-table';
import { alertCapUrl, getActivation, listActivationAlerts, listActors } from './endpoints';
import { ACTIVATIONS_PATH } from './paths';
import { ResponseForm } from './response-form';
import type { ActivationDetail, Alert, GuarantorResponse } from './types';
import {
  activationStatusLabel,
  clockText,
  principalText,
  responseTypeLabel,
  type Self,
} from './words';

/** The verb that lets guarantor users record their responses. */
const RESPOND_VERB = 'activation.respond';

/** Props of ActivationPage. */
export interface ActivationPageProps {
  readonly activationId: string;
  readonly session: Session;
}

interface Loaded {
  readonly activation: ActivationDetail;
  readonly alerts: readonly Alert[];
  readonly actors: readonly Actor[];
}

/** The page of one activation. */
export function ActivationPage({ activationId, session }: ActivationPageProps) {
  const load = useCallback(async (): Promise<Loaded> => {
    const [activation, actors] = await Promise.all([
      getActivation(activationId),
      listActors().catch(() => []),
    ]);
    return { activation, actors, alerts: await listActivationAlerts(activation) };
  }, [activationId]);
  const { data, error, loading, reload } = useLoad(load);
  const self: Self = {
    id: session.user.id,
    name: session.user.name,
    ...(data === undefined ? {} : { names: data.activation.names }),
  };

  const title =
    data === undefined
      ? t('activation.title')
      : t('activation.titleOf', {
          commitment: data.activation.commitmentId,
          guarantor: guarantorText(data.actors, data.activation.obligor),
        });
  const canRespond =
    data !== undefined &&
    session.verbs.includes(RESPOND_VERB) &&
    session.user.actor === data.activation.obligor;
  return (
    <>
      <Breadcrumb trail={[{ label: t('activations.title'), to: ACTIVATIONS_PATH }]} />
      <PageTitle>{title}</PageTitle>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p role="status">{t('app.loading')}</p>}
      {data !== undefined && (
        <>
          <ClockPanel activation={data.activation} actors={data.actors} />
          <ResponsesPanel responses={data.activation.responses} self={self}>
            {canRespond && data.activation.status === 'withdrawn' && (
              <p className="alert alert-info">{t('responses.withdrawn')}</p>
            )}
            {canRespond && data.activation.status !== 'withdrawn' && (
              <ResponseForm
                activationId={data.activation.id}
                activatedAt={data.activation.activatedAt}
                onChanged={reload}
              />
            )}
          </ResponsesPanel>
          <AlertsPanel alerts={data.alerts} />
        </>
      )}
    </>
  );
}

function ClockPanel({
  activation,
  actors,
}: {
  readonly activation: ActivationDetail;
  readonly actors: readonly Actor[];
}) {
  return (
    <section className="panel" aria-labelledby="activation-clock">
      <h2 id="activation-clock">{t('activation.clock')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('activation.status')}</dt>
          <dd>
            <StatusBadge status={activation.status} />{' '}
            <span className="muted">
              {t('activation.statusSince')}{' '}
              <DateTime iso={activation.statusAt} empty={t('time.none')} />
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('activation.commitment')}</dt>
          <dd>
            <Link to={commitmentPath(activation.documentId, activation.commitmentId)}>
              {t('activations.commitment', {
                document: activation.documentId,
                commitment: activation.commitmentId,
              })}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('activation.guarantor')}</dt>
          <dd>{guarantorText(actors, activation.obligor)}</dd>
        </div>
        <div>
          <dt>{t('activation.incident')}</dt>
          <dd>
            <IncidentLink incidentId={activation.incidentId} />
          </dd>
        </div>
        <div>
          <dt>{t('activation.activated')}</dt>
          <dd>
            <DateTime iso={activation.activatedAt} empty={t('time.none')} />{' '}
            <DecisionProof eventId={activation.eventId} what={t('proof.whatActivation')} />
          </dd>
        </div>
        <div>
          <dt>{t('activation.deadline')}</dt>
          <dd>
            <DateTime iso={activation.deadline} empty={t('clock.noDeadline')} />
            {activation.deadline !== null && <> ({clockText(activation, Date.now())})</>}
          </dd>
        </div>
        <div>
          <dt>{t('activation.breachAt')}</dt>
          <dd>
            <DateTime iso={activation.breachAt} empty={t('clock.noDeadline')} />
          </dd>
        </div>
        <div>
          <dt>{t('activation.tier')}</dt>
          <dd>{t('activation.tierValue', { tier: activation.tier })}</dd>
        </div>
        <div>
          <dt>{t('activation.late')}</dt>
          <dd>
            {activation.late
              ? t('activation.lateYes')
              : activation.status === 'met'
                ? t('activation.lateNo')
                : t('activation.lateNotMet', { status: activationStatusLabel(activation.status) })}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function ResponsesPanel({
  responses,
  self,
  children,
}: {
  readonly responses: readonly GuarantorResponse[];
  readonly self: Self;
  /** The response form, or why there is none, for the guarantor. */
  readonly children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby="activation-responses">
      <h2 id="activation-responses">{t('responses.title')}</h2>
      {responses.length === 0 ? (
        <p>{t('responses.none')}</p>
      ) : (
        <ol className="claim-list">
          {responses.map((response) => (
            <li key={response.id}>
              <ResponseItem response={response} self={self} />
            </li>
          ))}
        </ol>
      )}
      {children}
    </section>
  );
}

function ResponseItem({
  response,
  self,
}: {
  readonly response: GuarantorResponse;
  readonly self: Self;
}) {
  return (
    <article className="claim">
      <h3>
        {responseTypeLabel(response.type)}
        {', '}
        <DateTime iso={response.respondedAt} empty={t('time.none')} />
      </h3>
      <p>
        {response.qualifying ? (
          <span className="badge badge-met">
            <span className="badge-icon" aria-hidden="true">
              {t('icon.met')}
            </span>
            <span>{t('responses.qualifying')}</span>
          </span>
        ) : (
          <span className="badge badge-not_triggered">
            <span className="badge-icon" aria-hidden="true">
              {t('icon.failed')}
            </span>
            <span>{t('responses.notQualifying')}</span>
          </span>
        )}
      </p>
      <p className="report-text">{response.description}</p>
      <p className="muted">
        {t('responses.recordedBy', { who: principalText(response.recordedBy, self) })}{' '}
        <DateTime iso={response.recordedAt} empty={t('time.none')} />
      </p>
      <p>
        <DecisionProof eventId={response.eventId} what={t('proof.whatResponse')} />
      </p>
    </article>
  );
}

function AlertsPanel({ alerts }: { readonly alerts: readonly Alert[] }) {
  return (
    <TablePanel
      id="activation-alerts"
      title={t('alerts.title')}
      intro={<p className="muted">{t('alerts.intro')}</p>}
      isEmpty={alerts.length === 0}
      empty={t('alerts.none')}
      columns={[
        t('alerts.colSent'),
        t('alerts.colType'),
        t('alerts.colHeadline'),
        t('alerts.colFile'),
      ]}
    >
      {alerts.map((alert) => (
        <tr key={alert.id}>
          <td>
            <DateTime iso={alert.sent} empty={t('time.none')} />
          </td>
          <td>{alert.msgType}</td>
          <th scope="row">{alert.headline}</th>
          <td>
            <a
              href={alertCapUrl(alert.id)}
              type="application/cap+xml"
              aria-label={t('alerts.fileLabel', { type: alert.msgType, id: alert.id })}
            >
              {t('alerts.file')}
            </a>
          </td>
        </tr>
      ))}
    </TablePanel>
  );
}
