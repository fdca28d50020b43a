/** The form that gives an incident to a person, by user name, or takes it back from them. */
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { TextField } from '../../components/field';
import { fieldMessages } from '../../error-details';
import { t } from '../../strings';
import { useAction } from '../../use-action';
import { assignIncidents } from './endpoints';

const FIELDS = ['assignee'];

/** Props of AssignForm. */
export interface AssignFormProps {
  readonly incidentId: string;
  /** The current assignee's user name; null when nobody has the incident. */
  readonly assignee: string | null;
  readonly onChanged: () => void;
}

/** A user name and the buttons to assign, or to unassign. */
export function AssignForm({ incidentId, assignee, onChanged }: AssignFormProps) {
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useAction();

  async function assign(to: string | null) {
    const done = to === null ? t('assign.unassigned') : t('assign.assigned', { name: to });
    if (await action.run(() => assignIncidents([incidentId], to), done)) {
      setName('');
      setChecked(false);
      onChanged();
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (name.trim() !== '') void assign(name.trim());
  }

  const missing = checked && name.trim() === '';
  return (
    <form className="decision-form" onSubmit={handleSubmit} noValidate>
      <fieldset disabled={action.busy}>
        <legend>{t('assign.title')}</legend>
        <TextField
          label={t('assign.name')}
          hint={t('assign.nameHint')}
          value={name}
          onChange={setName}
          errors={missing ? [t('assign.nameMissing')] : fieldMessages(action.error, 'assignee')}
        />
        <ErrorMessage error={action.error} fields={FIELDS} />
        <div className="button-row">
          <button type="submit">{t('assign.submit')}</button>
          {assignee !== null && (
            <button type="button" className="button-secondary" onClick={() => void assign(null)}>
              {t('assign.unassign')}
            </button>
          )}
        </div>
        <p className="status-line" role="status">
          {action.done ?? ''}
        </p>
      </fieldset>
    </form>
  );
}
