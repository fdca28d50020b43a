/**
 * The form that splits reports out of an incident into a new one: a checkbox per report, a
 * reason, and a submit button. Choosing none or all of the reports is refused before sending.
 */
import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { TextField } from '../../components/field';
import { fieldMessages } from '../../error-details';
import { t, type MessageId } from '../../strings';

const FIELDS = ['reportIds', 'reason'];

/** Props of SplitForm. */
export interface SplitFormProps {
  /** The incident's reports, by id, with the labels the reports section shows, in its order. */
  readonly reports: readonly { readonly id: string; readonly label: string }[];
  /** Splits out the chosen reports for the trimmed reason; a rejection is shown in the form. */
  readonly onSplit: (reportIds: readonly string[], reason: string) => Promise<void>;
}

/** What is wrong with the choice of reports before sending, or null when it may be sent. */
function choiceProblem(chosen: number, total: number): MessageId | null {
  if (chosen === 0) return 'reports.splitNone';
  if (chosen === total) return 'reports.splitAll';
  return null;
}

/** The split form of an incident's reports section. */
export function SplitForm({ reports, onSplit }: SplitFormProps) {
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reportIds = reports.map((report) => report.id).filter((reportId) => chosen.has(reportId));
  const problem = checked ? choiceProblem(reportIds.length, reports.length) : null;
  const reasonMissing = checked && reason.trim() === '';
  const choiceErrors = [
    ...(problem === null ? [] : [t(problem)]),
    ...fieldMessages(error, 'reportIds'),
  ];

  function toggle(reportId: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(reportId);
    else next.delete(reportId);
    setChosen(next);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setChecked(true);
    const trimmed = reason.trim();
    if (choiceProblem(reportIds.length, reports.length) !== null || trimmed === '') return;
    setBusy(true);
    try {
      await onSplit(reportIds, trimmed);
      setChosen(new Set());
      setReason('');
      setChecked(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="decision-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <fieldset disabled={busy}>
        <legend>{t('reports.splitTitle')}</legend>
        <p className="field-hint">{t('reports.splitIntro')}</p>
        <fieldset
          className={choiceErrors.length > 0 ? 'choice-group field-invalid' : 'choice-group'}
          aria-describedby={choiceErrors.length > 0 ? `${id}-errors` : undefined}
        >
          <legend>{t('reports.splitChoose')}</legend>
          {reports.map((report, index) => (
            <div className="field field-check" key={report.id}>
              <input
                id={`${id}-${index}`}
                type="checkbox"
                checked={chosen.has(report.id)}
                onChange={(event) => toggle(report.id, event.target.checked)}
              />
              <label htmlFor={`${id}-${index}`}>{report.label}</label>
            </div>
          ))}
          {choiceErrors.length > 0 && (
            <ul className="field-errors" id={`${id}-errors`}>
              {choiceErrors.map((message, index) => (
                <li key={index}>{message}</li>
              ))}
            </ul>
          )}
        </fieldset>
        <TextField
          label={t('incidents.reason')}
          hint={t('incidents.reasonHint')}
          value={reason}
          onChange={setReason}
          errors={reasonMissing ? [t('incidents.reasonMissing')] : fieldMessages(error, 'reason')}
          required
        />
        <ErrorMessage error={error} fields={FIELDS} />
        <button type="submit">{t('reports.splitSubmit')}</button>
        <p className="status-line" role="status">
          {busy ? t('reports.splitting') : ''}
        </p>
      </fieldset>
    </form>
  );
}
