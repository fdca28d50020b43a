/**
 * The record area: the latest signed checkpoint, verified in the browser with the record's
 * verifier key, and the latest entries, each of which the browser can check is in the record.
 */
import { CopyButton } from '../../components/copy-button';
import { DateTime } from '../../components/date-time';
import { ErrorMessage } from '../../components/error-message';
import { PageTitle } from '../../components/page-title';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import type { CheckpointState } from './check';
import { RecordEntries } from './entries';
import { loadRecordView, type RecordView } from './view';

/** The record area, open to every signed-in role. */
export function RecordPage() {
  const { data, error, loading, reload } = useLoad(loadRecordView);
  return (
    <>
      <PageTitle>{t('record.title')}</PageTitle>
      <p className="muted">{t('record.intro')}</p>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={reload}>
          {t('record.refresh')}
        </button>
      </div>
      <p className="status-line" role="status">
        {loading && data !== undefined ? t('app.loading') : ''}
      </p>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p>{t('app.loading')}</p>}
      {data !== undefined && (
        <>
          <CheckpointPanel view={data} />
          <RecordEntries size={data.info.size} checkpoint={data.checkpoint} />
        </>
      )}
    </>
  );
}

function CheckpointPanel({ view }: { readonly view: RecordView }) {
  const { info, key, checkpoint } = view;
  return (
    <section className="panel" aria-labelledby="record-checkpoint-title">
      <h2 id="record-checkpoint-title">{t('record.checkpointTitle')}</h2>
      <CheckpointVerdict state={checkpoint} />
      <dl className="facts">
        <div>
          <dt>{t('record.origin')}</dt>
          <dd>
            <code>{info.origin}</code>
          </dd>
        </div>
        <div>
          <dt>{t('record.size')}</dt>
          <dd>{info.size}</dd>
        </div>
        <div>
          <dt>{t('record.latestCheckpoint')}</dt>
          <dd>
            <CheckpointFacts view={view} />
          </dd>
        </div>
        <div>
          <dt>{t('record.key')}</dt>
          <dd className="key-line">
            <code className="key-value">{key}</code>
            <CopyButton
              text={key}
              label={t('record.copyKey')}
              copied={t('record.copied')}
              failed={t('record.copyFailed')}
            />
          </dd>
        </div>
      </dl>
      <p className="muted">{t('record.keyAdvice')}</p>
    </section>
  );
}

/**
 * The checkpoint's size and signing time: the size that verified, or the API's claim marked as
 * not verified. The time comes from the API, when it describes the same checkpoint.
 */
function CheckpointFacts({ view }: { readonly view: RecordView }) {
  const { info, checkpoint } = view;
  if (checkpoint.status === 'verified') {
    const { size } = checkpoint.checkpoint;
    // A checkpoint signed between the two requests has no signing time in `info` yet.
    if (info.checkpoint === null || info.checkpoint.size !== size) {
      return <>{t('record.checkpointSizeOnly', { size })}</>;
    }
    return (
      <>
        {t('record.checkpointFacts', { size })}{' '}
        <DateTime iso={info.checkpoint.signedAt} empty={t('time.none')} />
      </>
    );
  }
  if (info.checkpoint === null) return <>{t('record.noCheckpointFact')}</>;
  return (
    <>
      {t('record.checkpointFacts', { size: info.checkpoint.size })}{' '}
      <DateTime iso={info.checkpoint.signedAt} empty={t('time.none')} />{' '}
      {t('record.checkpointUnverified')}
    </>
  );
}

/** The prominent outcome of the signature check, in words and with an icon. */
function CheckpointVerdict({ state }: { readonly state: CheckpointState }) {
  switch (state.status) {
    case 'verified':
      return (
        <Verdict
          kind="ok"
          icon={t('record.iconOk')}
          title={t('record.verified', { key: state.keyName })}
          detail={t('record.verifiedDetail', { size: state.checkpoint.size })}
        />
      );
    case 'none':
      return (
        <Verdict
          kind="pending"
          icon={t('record.iconPending')}
          title={t('record.noCheckpoint')}
          detail={t('record.noCheckpointDetail')}
        />
      );
    case 'failed':
      return (
        <Verdict
          kind="failed"
          icon={t('record.iconFailed')}
          title={t('record.notVerified')}
          detail={t('record.notVerifiedDetail', { reason: state.reason })}
        />
      );
  }
}

interface VerdictProps {
  /** `verdict-<kind>` sets the colours; a failed verdict is announced as an alert. */
  readonly kind: 'ok' | 'pending' | 'failed';
  readonly icon: string;
  readonly title: string;
  readonly detail: string;
}

/** One verdict box: the icon (hidden from screen readers), the title and the detail. */
function Verdict({ kind, icon, title, detail }: VerdictProps) {
  return (
    <div className={`verdict verdict-${kind}`} role={kind === 'failed' ? 'alert' : 'status'}>
      <span className="verdict-icon" aria-hidden="true">
        {icon}
      </span>
      <div>
        <p className="verdict-title">{title}</p>
        <p>{detail}</p>
      </div>
    </div>
  );
}
