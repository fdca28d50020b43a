/**
 * The form that qualifies an incident against a provision: a document, one of its provisions
 * (loaded when the document is chosen), the severity and notes. The server then runs the
 * trigger engine for every commitment, and the findings list shows its answers.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { SEVERITIES } from '../../../../src/core/agreements/vocabulary.js';
import { ErrorMessage } from '../../components/error-message';
import { SelectField, TextAreaField } from '../../components/field';
import { getDocument, listDocuments } from '../../endpoints';
import { fieldMessages } from '../../error-details';
import { t } from '../../strings';
import { useAction } from '../../use-action';
import { useLoad } from '../../use-load';
import type { DocumentSummary, Provision, Severity } from '../agreements/types';
import { recordFinding } from './endpoints';
import type { FindingInput } from './types';
import { findingSeverityLabel } from './words';

const FIELDS = ['documentId', 'provisionId', 'severity', 'notes'];

/** The longest provision text a choice shows before cutting it. */
const PROVISION_TEXT = 80;

/** Props of FindingForm. */
export interface FindingFormProps {
  readonly incidentId: string;
  readonly onChanged: () => void;
}

/** "Article 1: The parties shall cease fire…". */
function provisionLabel(provision: Provision): string {
  const text =
    provision.text.length > PROVISION_TEXT
      ? `${provision.text.slice(0, PROVISION_TEXT - 1)}…`
      : provision.text;
  return t('findingForm.provisionOption', { locator: provision.locator, text });
}

/** The finding form of the accountability section. */
export function FindingForm({ incidentId, onChanged }: FindingFormProps) {
  const documents = useLoad(listDocuments);
  const [documentId, setDocumentId] = useState('');
  const [provisionId, setProvisionId] = useState('');
  const [severity, setSeverity] = useState<Severity>('major');
  const [notes, setNotes] = useState('');
  const [checked, setChecked] = useState(false);
  const provisions = useProvisions(documentId);
  const action = useAction();

  const documentMissing = checked && documentId === '';
  const provisionMissing = checked && documentId !== '' && provisionId === '';

  function chooseDocument(id: string) {
    setDocumentId(id);
    setProvisionId('');
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (documentId === '' || provisionId === '') return;
    const finding: FindingInput = {
      incidentId,
      documentId,
      provisionId,
      severity,
      ...(notes.trim() === '' ? {} : { notes: notes.trim() }),
    };
    if (await action.run(() => recordFinding(finding), t('findingForm.done'))) {
      setNotes('');
      setChecked(false);
      onChanged();
    }
  }

  const documentOptions = (documents.data ?? []).map((document: DocumentSummary) => ({
    value: document.id,
    label: document.shortTitle ?? document.title,
  }));
  const provisionOptions = (provisions.list ?? []).map((provision) => ({
    value: provision.id,
    label: provisionLabel(provision),
  }));
  return (
    <form className="decision-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <fieldset disabled={action.busy}>
        <legend>{t('findingForm.title')}</legend>
        <p className="field-hint">{t('findingForm.intro')}</p>
        <ErrorMessage error={documents.error} />
        <SelectField
          label={t('findingForm.document')}
          value={documentId}
          options={[{ value: '', label: t('findingForm.chooseDocument') }, ...documentOptions]}
          onChange={chooseDocument}
          errors={
            documentMissing
              ? [t('findingForm.documentMissing')]
              : fieldMessages(action.error, 'documentId')
          }
        />
        <ErrorMessage error={provisions.error} />
        <SelectField
          label={t('findingForm.provision')}
          hint={documentId === '' ? t('findingForm.provisionHint') : undefined}
          value={provisionId}
          options={[
            {
              value: '',
              label:
                documentId !== '' && provisions.list === null
                  ? t('app.loading')
                  : t('findingForm.chooseProvision'),
            },
            ...provisionOptions,
          ]}
          onChange={setProvisionId}
          errors={
            provisionMissing
              ? [t('findingForm.provisionMissing')]
              : fieldMessages(action.error, 'provisionId')
          }
        />
        <SelectField
          label={t('findingForm.severity')}
          value={severity}
          options={SEVERITIES.map((value) => ({ value, label: findingSeverityLabel(value) }))}
          onChange={(value) => setSeverity(value as Severity)}
          errors={fieldMessages(action.error, 'severity')}
        />
        <TextAreaField
          label={t('findingForm.notes')}
          value={notes}
          onChange={setNotes}
          errors={fieldMessages(action.error, 'notes')}
        />
        <ErrorMessage error={action.error} fields={FIELDS} />
        <button type="submit">{t('findingForm.submit')}</button>
        <p className="status-line" role="status">
          {action.busy ? t('findingForm.submitting') : (action.done ?? '')}
        </p>
      </fieldset>
    </form>
  );
}

/** The provisions of `documentId` (null while loading or when none is chosen), or the error. */
function useProvisions(documentId: string): {
  readonly list: readonly Provision[] | null;
  readonly error: unknown;
} {
  const [state, setState] = useState<{
    readonly documentId: string;
    readonly list: readonly Provision[] | null;
    readonly error: unknown;
  }>({ documentId: '', list: null, error: null });

  useEffect(() => {
    if (documentId === '') return;
    let current = true;
    getDocument(documentId).then(
      (view) => current && setState({ documentId, list: view.provisions, error: null }),
      (error: unknown) => current && setState({ documentId, list: null, error }),
    );
    return () => {
      current = false;
    };
  }, [documentId]);

  return state.documentId === documentId && documentId !== ''
    ? { list: state.list, error: state.error }
    : { list: null, error: null };
}
