/**
 * An incident's accountability: where it stands on the verification ladder and how it got
 * there, who holds its edit lock and who it is assigned to, who is responsible (attribution
 * versions), which provisions it violates (findings, with the trigger engine's answer for each
 * commitment) and which commitments it activated. Forms appear only for the verbs the session
 * holds; after each action the section (and the page, through `onChanged`) loads again.
 */
import { useCallback } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { ActivationTable } from './activation-table';
import { AttributionPanel } from './attribution-panel';
import { getAccountability, listActors } from './endpoints';
import { FindingsPanel } from './findings-panel';
import { VerificationPanel } from './verification-panel';
import type { AccountabilityAccess } from './access';

/** Props of AccountabilitySection. */
export interface AccountabilitySectionProps {
  /** The id of the section's heading. */
  readonly id: string;
  readonly incidentId: string;
  readonly access: AccountabilityAccess;
  /** Called after every recorded action, so the rest of the page can load again. */
  readonly onChanged: () => void;
}

/** The accountability section of an incident page. */
export function AccountabilitySection({
  id,
  incidentId,
  access,
  onChanged,
}: AccountabilitySectionProps) {
  const load = useCallback(
    () =>
      Promise.all([
        getAccountability(incidentId),
        // Names are a nicety: without them, actors show by id.
        listActors().catch(() => []),
      ]),
    [incidentId],
  );
  const { data, error, loading, reload } = useLoad(load);
  const changed = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);

  // Who took each decision, by name: the server names the principals it mentions.
  const named: AccountabilityAccess =
    data === undefined ? access : { ...access, self: { ...access.self, names: data[0].names } };

  return (
    <section className="panel accountability" aria-labelledby={id}>
      <h2 id={id}>{t('accountability.title')}</h2>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p role="status">{t('app.loading')}</p>}
      {data !== undefined && (
        <>
          <VerificationPanel
            incidentId={incidentId}
            view={data[0]}
            access={named}
            onChanged={changed}
          />
          <AttributionPanel
            incidentId={incidentId}
            attributions={data[0].attributions}
            actors={data[1]}
            access={named}
            onChanged={changed}
          />
          <FindingsPanel
            incidentId={incidentId}
            findings={data[0].findings}
            access={named}
            onChanged={changed}
          />
          <section aria-labelledby={`${id}-activations`}>
            <h3 id={`${id}-activations`}>{t('accountability.activationsTitle')}</h3>
            {data[0].activations.length === 0 ? (
              <p>{t('accountability.noActivations')}</p>
            ) : (
              <ActivationTable
                labelledBy={`${id}-activations`}
                activations={data[0].activations}
                actors={data[1]}
                showIncident={false}
              />
            )}
          </section>
        </>
      )}
    </section>
  );
}
