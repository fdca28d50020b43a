/**
 * Importing a report file: choose the file and its format (optionally the source's name, how
 * to read day/month dates, and whether one bad row should stop everything), watch the upload's
 * progress, then see what the import did and every problem row with its line.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Breadcrumb } from '../../components/breadcrumb';
import { ErrorMessage } from '../../components/error-message';
import { SelectField, TextField } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { importReports } from '../../endpoints';
import { DisplayError } from '../../error-details';
import { t } from '../../strings';
import { ImportResult } from './import-result';
import { INCIDENTS_PATH } from './paths';
import { DATE_FORMATS, IMPORT_FORMATS, type ImportFormat, type ImportSummary } from './types';
import { formatName } from './words';

type Phase =
  | { readonly step: 'idle' }
  | { readonly step: 'uploading'; readonly percent: number | null }
  | { readonly step: 'processing' }
  | { readonly step: 'done'; readonly summary: ImportSummary; readonly fileName: string }
  | { readonly step: 'failed'; readonly error: unknown };

function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** The import page. */
export function ImportPage() {
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [source, setSource] = useState('');
  const [dateFormat, setDateFormat] = useState('');
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const aborter = useRef<AbortController | null>(null);

  useEffect(() => () => aborter.current?.abort(), []);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (file === undefined) {
      setPhase({ step: 'failed', error: new DisplayError(t('import.noFile')) });
      fileInput.current?.focus();
      return;
    }
    const controller = new AbortController();
    aborter.current = controller;
    setPhase({ step: 'uploading', percent: 0 });
    try {
      const summary = await importReports(
        file,
        { format, source: source.trim(), dateFormat, allOrNothing },
        {
          signal: controller.signal,
          onProgress: ({ sent, total }) =>
            setPhase({
              step: 'uploading',
              percent: total === null || total === 0 ? null : Math.round((sent / total) * 100),
            }),
          onSent: () => setPhase({ step: 'processing' }),
        },
      );
      if (!controller.signal.aborted) setPhase({ step: 'done', summary, fileName: file.name });
    } catch (error) {
      if (!controller.signal.aborted) setPhase({ step: 'failed', error });
    }
  }

  const busy = phase.step === 'uploading' || phase.step === 'processing';
  return (
    <>
      <Breadcrumb trail={[{ label: t('incidents.title'), to: INCIDENTS_PATH }]} />
      <PageTitle>{t('import.title')}</PageTitle>
      <p className="muted">{t('import.intro')}</p>
      <section className="panel" aria-labelledby="import-form-title">
        <h2 id="import-form-title">{t('import.formTitle')}</h2>
        <form className="form-grid" onSubmit={(event) => void handleSubmit(event)} noValidate>
          <div className="field">
            <label htmlFor={fileId}>{t('import.file')}</label>
            <p className="field-hint" id={`${fileId}-hint`}>
              {t('import.fileHint')}
            </p>
            <input
              id={fileId}
              ref={fileInput}
              type="file"
              name="file"
              aria-describedby={`${fileId}-hint`}
              disabled={busy}
            />
          </div>
          <SelectField
            label={t('import.format')}
            value={format}
            options={IMPORT_FORMATS.map((value) => ({ value, label: formatName(value) }))}
            onChange={(value) => {
              if (isImportFormat(value)) setFormat(value);
            }}
          />
          <TextField
            label={t('import.source')}
            hint={t('import.sourceHint')}
            value={source}
            onChange={setSource}
            name="source"
          />
          <SelectField
            label={t('import.dateFormat')}
            hint={t('import.dateFormatHint')}
            value={dateFormat}
            options={[
              { value: '', label: t('import.dateFormatAuto') },
              ...DATE_FORMATS.map((value) => ({ value, label: value })),
            ]}
            onChange={setDateFormat}
          />
          <div className="field field-check">
            <input
              id={`${fileId}-all`}
              type="checkbox"
              checked={allOrNothing}
              onChange={(event) => setAllOrNothing(event.target.checked)}
              aria-describedby={`${fileId}-all-hint`}
            />
            <label htmlFor={`${fileId}-all`}>{t('import.allOrNothing')}</label>
            <p className="field-hint" id={`${fileId}-all-hint`}>
              {t('import.allOrNothingHint')}
            </p>
          </div>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? t('import.submitting') : t('import.submit')}
            </button>
          </div>
        </form>
        <ImportProgress phase={phase} />
      </section>
      {phase.step === 'failed' && <ErrorMessage error={phase.error} />}
      {phase.step === 'done' && <ImportResult summary={phase.summary} fileName={phase.fileName} />}
    </>
  );
}

function ImportProgress({ phase }: { readonly phase: Phase }) {
  const labelId = useId();
  return (
    <div className="import-progress" role="status">
      {phase.step === 'uploading' && (
        <>
          <span id={labelId}>{t('import.uploading')}</span>{' '}
          <progress
            max={100}
            {...(phase.percent === null ? {} : { value: phase.percent })}
            aria-labelledby={labelId}
          />{' '}
          <span>
            {phase.percent === null
              ? t('import.percentUnknown')
              : t('import.percent', { percent: phase.percent })}
          </span>
        </>
      )}
      {phase.step === 'processing' && (
        <>
          <span id={labelId}>{t('import.uploaded')}</span>{' '}
          <progress max={100} value={100} aria-labelledby={labelId} />{' '}
          <span>{t('import.processing')}</span>
        </>
      )}
      {phase.step === 'done' && (
        <>
          <span id={labelId}>{t('import.uploaded')}</span>{' '}
          <progress max={100} value={100} aria-labelledby={labelId} />{' '}
          <span>{t('import.percent', { percent: 100 })}</span> <span>{t('import.finished')}</span>
        </>
      )}
    </div>
  );
}
