/**
 * The form a guarantor user fills in to record what their guarantor did about an activation:
 * the kind of response, what was done, and optionally when (now otherwise). The server says
 * whether it qualifies, that is whether it is the kind of response the commitment promises.
 */
import { useState, type FormEvent } from 'react';
import { RESPONSE_TYPES } from '../../../../src/core/accountability/model.js';
import { ErrorMessage } from '../../components/error-message';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { fieldMessages } from '../../error-details';
import { formatDateTime } from '../../format';
import { t } from '../../strings';
import { useAction } from '../../use-action';
import { respondToActivation } from './endpoints';
import type { GuarantorResponseType, ResponseInput } from './types';
import { responseTypeLabel } from './words';

const FIELDS = ['type', 'description', 'respondedAt'];

/** Props of ResponseForm. */
export interface ResponseFormProps {
  readonly activationId: string;
  /** When the activation started; a response cannot be dated before it. */
  readonly activatedAt: string;
  readonly onChanged: () => void;
}

/** The response form of an activation page. */
export function ResponseForm({ activationId, activatedAt, onChanged }: ResponseFormProps) {
  const [type, setType] = useState<GuarantorResponseType>('action');
  const [description, setDescription] = useState('');
  const [when, setWhen] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useAction();

  const descriptionMissing = checked && description.trim() === '';
  // datetime-local holds local wall-clock time without a zone; the browser's zone applies.
  const respondedAt = when === '' ? null : new Date(when);
  const whenInvalid = checked && respondedAt !== null && Number.isNaN(respondedAt.getTime());

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (description.trim() === '') return;
    if (respondedAt !== null && Number.isNaN(respondedAt.getTime())) return;
    const response: ResponseInput = {
      type,
      description: description.trim(),
      ...(respondedAt === null ? {} : { respondedAt: respondedAt.toISOString() }),
    };
    const ok = await action.run(
      () => respondToActivation(activationId, response),
      (result) => (result.qualifying ? t('responses.doneQualifying') : t('responses.doneNot')),
    );
    if (ok) {
      setDescription('');
      setWhen('');
      setChecked(false);
      onChanged();
    }
  }

  return (
    <form className="decision-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <fieldset disabled={action.busy}>
        <legend>{t('responses.formTitle')}</legend>
        <p className="field-hint">{t('responses.formIntro')}</p>
        <SelectField
          label={t('responses.type')}
          value={type}
          options={RESPONSE_TYPES.map((value) => ({ value, label: responseTypeLabel(value) }))}
          onChange={(value) => setType(value as GuarantorResponseType)}
          errors={fieldMessages(action.error, 'type')}
        />
        <TextAreaField
          label={t('responses.description')}
          hint={t('responses.descriptionHint')}
          value={description}
          onChange={setDescription}
          errors={
            descriptionMissing
              ? [t('responses.descriptionMissing')]
              : fieldMessages(action.error, 'description')
          }
          required
        />
        <TextField
          type="datetime-local"
          label={t('responses.when')}
          hint={t('responses.whenHint', { activatedAt: formatDateTime(activatedAt) })}
          value={when}
          onChange={setWhen}
          errors={
            whenInvalid ? [t('responses.whenInvalid')] : fieldMessages(action.error, 'respondedAt')
          }
        />
        <ErrorMessage error={action.error} fields={FIELDS} />
        <button type="submit">{t('responses.submit')}</button>
        <p className="status-line" role="status">
          {action.busy ? t('responses.submitting') : (action.done ?? '')}
        </p>
      </fieldset>
    </form>
  );
}
