/**
 * The form for a new version of an incident's attribution: an actor (one of the documents'
 * actors, suggested as you type, or any id) with confidence, the basis in words and any
 * dissent; or a reasoned refusal to attribute, with its basis.
 */
import { useId, useState, type FormEvent } from 'react';
import { ATTRIBUTION_CONFIDENCES } from '../../../../src/core/accountability/model.js';
import { ErrorMessage } from '../../components/error-message';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { fieldMessages } from '../../error-details';
import { t } from '../../strings';
import { useAction } from '../../use-action';
import type { Actor } from '../agreements/types';
import { attributeIncident } from './endpoints';
import type { AttributionConfidence, AttributionInput } from './types';
import { confidenceLabel } from './words';

const FIELDS = ['actor', 'confidence', 'declined', 'basis.text', 'dissent'];

type Mode = 'attribute' | 'decline';

/** Props of AttributionForm. */
export interface AttributionFormProps {
  readonly incidentId: string;
  /** Actors to suggest. */
  readonly actors: readonly Actor[];
  readonly onChanged: () => void;
}

/** The attribution form of the accountability section. */
export function AttributionForm({ incidentId, actors, onChanged }: AttributionFormProps) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('attribute');
  const [actor, setActor] = useState('');
  const [confidence, setConfidence] = useState<AttributionConfidence>('moderate');
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState('');
  const [dissent, setDissent] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useAction();

  const declining = mode === 'decline';
  const actorMissing = checked && !declining && actor.trim() === '';
  const reasonMissing = checked && declining && reason.trim() === '';
  const basisMissing = checked && basis.trim() === '';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    const main = declining ? reason.trim() : actor.trim();
    if (main === '' || basis.trim() === '') return;
    const common = {
      basis: { text: basis.trim() },
      ...(dissent.trim() === '' ? {} : { dissent: dissent.trim() }),
    };
    const claim: AttributionInput = declining
      ? { ...common, declined: main }
      : { ...common, actor: main, confidence };
    const done = declining ? t('attribution.declinedDone') : t('attribution.done', { actor: main });
    if (await action.run(() => attributeIncident(incidentId, claim), done)) {
      setActor('');
      setReason('');
      setBasis('');
      setDissent('');
      setChecked(false);
      onChanged();
    }
  }

  return (
    <form className="decision-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <fieldset disabled={action.busy}>
        <legend>{t('attribution.formTitle')}</legend>
        <fieldset className="choice-group">
          <legend>{t('attribution.mode')}</legend>
          {(['attribute', 'decline'] as const).map((value) => (
            <div className="field field-check" key={value}>
              <input
                id={`${id}-${value}`}
                type="radio"
                name={`${id}-mode`}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              <label htmlFor={`${id}-${value}`}>
                {value === 'attribute'
                  ? t('attribution.modeAttribute')
                  : t('attribution.modeDecline')}
              </label>
            </div>
          ))}
        </fieldset>
        {declining ? (
          <TextAreaField
            label={t('attribution.reason')}
            hint={t('attribution.reasonHint')}
            value={reason}
            onChange={setReason}
            errors={
              reasonMissing
                ? [t('attribution.reasonMissing')]
                : fieldMessages(action.error, 'declined')
            }
            required
          />
        ) : (
          <>
            <TextField
              label={t('attribution.actor')}
              hint={t('attribution.actorHint')}
              value={actor}
              onChange={setActor}
              list={`${id}-actors`}
              errors={
                actorMissing
                  ? [t('attribution.actorMissing')]
                  : fieldMessages(action.error, 'actor')
              }
              required
            />
            <datalist id={`${id}-actors`}>
              {actors.map((known) => (
                <option key={known.id} value={known.id}>
                  {known.name}
                </option>
              ))}
            </datalist>
            <SelectField
              label={t('attribution.confidence')}
              value={confidence}
              options={ATTRIBUTION_CONFIDENCES.map((value) => ({
                value,
                label: confidenceLabel(value),
              }))}
              onChange={(value) => setConfidence(value as AttributionConfidence)}
              errors={fieldMessages(action.error, 'confidence')}
            />
          </>
        )}
        <TextAreaField
          label={t('attribution.basis')}
          hint={t('attribution.basisHint')}
          value={basis}
          onChange={setBasis}
          errors={
            basisMissing
              ? [t('attribution.basisMissing')]
              : fieldMessages(action.error, 'basis.text')
          }
          required
        />
        <TextAreaField
          label={t('attribution.dissentOptional')}
          hint={t('attribution.dissentHint')}
          value={dissent}
          onChange={setDissent}
          errors={fieldMessages(action.error, 'dissent')}
        />
        <ErrorMessage error={action.error} fields={FIELDS} />
        <button type="submit">
          {declining ? t('attribution.submitDecline') : t('attribution.submit')}
        </button>
        <p className="status-line" role="status">
          {action.busy ? t('attribution.submitting') : (action.done ?? '')}
        </p>
      </fieldset>
    </form>
  );
}
