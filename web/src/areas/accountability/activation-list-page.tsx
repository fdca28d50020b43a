/**
 * The activations list: the guarantors' record first (activations by status, late responses,
 * median time to respond), then every activation, newest first, filtered by status (kept in
 * the address), with a link to the alerts' Atom feed.
 */
import { useCallback } from 'react';
import { ACTIVATION_STATUSES } from '../../../../src/core/accountability/model.js';
import { ErrorMessage } from '../../components/error-message';
import { SelectField } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { navigate, useSearch } from '../../router';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { ActivationTable } from './activation-table';
import { ALERTS_FEED_URL, listActivations, listActors } from './endpoints';
import { GuarantorSummaryTable } from './guarantor-summary-table';
import { activationListPath, parseStatusFilter } from './paths';
import type { ActivationStatus } from './types';
import { activationStatusLabel } from './words';

// Names are a nicety: without them, guarantors show by id.
const loadActors = () => listActors().catch(() => []);

/** The activations area's start page. */
export function ActivationListPage() {
  const status = parseStatusFilter(useSearch());
  const actors = useLoad(loadActors);
  return (
    <>
      <PageTitle>{t('activations.title')}</PageTitle>
      <p className="muted">{t('activations.intro')}</p>
      <p>
        <a href={ALERTS_FEED_URL} type="application/atom+xml">
          {t('activations.feed')}
        </a>
      </p>
      <GuarantorSummaryTable actors={actors.data ?? []} />
      <section className="panel" aria-labelledby="activations-list-title">
        <h2 id="activations-list-title">{t('activations.listTitle')}</h2>
        <form
          className="filter-row"
          role="search"
          aria-label={t('activations.filters')}
          onSubmit={(event) => event.preventDefault()}
        >
          <SelectField
            label={t('activations.status')}
            value={status ?? ''}
            options={[
              { value: '', label: t('activations.allStatuses') },
              ...ACTIVATION_STATUSES.map((value) => ({
                value,
                label: activationStatusLabel(value),
              })),
            ]}
            onChange={(value) =>
              navigate(activationListPath(value === '' ? null : (value as ActivationStatus)))
            }
          />
        </form>
        <ActivationResults key={status ?? ''} status={status} actors={actors.data ?? []} />
      </section>
    </>
  );
}

interface ActivationResultsProps {
  readonly status: ActivationStatus | null;
  readonly actors: Parameters<typeof ActivationTable>[0]['actors'];
}

function ActivationResults({ status, actors }: ActivationResultsProps) {
  const load = useCallback(() => listActivations(status), [status]);
  const { data, error, loading } = useLoad(load);
  return (
    <>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p role="status">{t('app.loading')}</p>}
      {data !== undefined && (
        <p className="muted" role="status">
          {data.length === 0
            ? status === null
              ? t('activations.empty')
              : t('activations.emptyFiltered', { status: activationStatusLabel(status) })
            : data.length === 1
              ? t('activations.countOne')
              : t('activations.count', { count: data.length })}
        </p>
      )}
      {data !== undefined && data.length > 0 && (
        <ActivationTable
          labelledBy="activations-list-title"
          activations={data}
          actors={actors}
          showIncident
        />
      )}
    </>
  );
}
