/**
 * The word-by-word difference between two versions of a document. By default the first draft
 * is compared with the final text, which shows what was cut before signature. Inserted words
 * are underlined and deleted words struck through (not only coloured), and screen readers hear
 * where each change starts and ends.
 */
import { useCallback, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { SelectField } from '../../components/field';
import { getVersionDiff } from '../../endpoints';
import { t, type MessageId } from '../../strings';
import { useLoad } from '../../use-load';
import type { DiffPart, StoredVersion } from './types';
import { languageName, versionKindLabel, versionName } from './words';

/** Props of VersionDiff. */
export interface VersionDiffProps {
  readonly documentId: string;
  readonly versions: readonly StoredVersion[];
}

/** The versions compared first: the first draft (else the first version) and the final text. */
function defaultPair(versions: readonly StoredVersion[]): [string, string] | null {
  if (versions.length < 2) return null;
  const from = versions.find((v) => v.kind === 'draft') ?? versions[0];
  const to =
    versions.find((v) => v.kind === 'final' && v.id !== from?.id) ??
    [...versions].reverse().find((v) => v.id !== from?.id);
  return from === undefined || to === undefined ? null : [from.id, to.id];
}

/** The comparison subsection of the versions section. */
export function VersionDiff({ documentId, versions }: VersionDiffProps) {
  const pair = defaultPair(versions);
  const [from, setFrom] = useState(pair?.[0] ?? '');
  const [to, setTo] = useState(pair?.[1] ?? '');
  if (pair === null) {
    return versions.length === 1 ? <p className="muted">{t('diff.needTwo')}</p> : null;
  }
  const options = versions.map((version) => ({
    value: version.id,
    label: t('diff.option', {
      version: versionName(version),
      kind: versionKindLabel(version.kind),
      language: languageName(version.language),
    }),
  }));
  return (
    <div className="diff-section">
      <h3>{t('diff.title')}</h3>
      <div className="form-grid">
        <SelectField label={t('diff.from')} value={from} options={options} onChange={setFrom} />
        <SelectField label={t('diff.to')} value={to} options={options} onChange={setTo} />
      </div>
      {from === to ? (
        <p>{t('diff.same')}</p>
      ) : (
        <DiffResult documentId={documentId} from={from} to={to} versions={versions} />
      )}
    </div>
  );
}

interface DiffResultProps {
  readonly documentId: string;
  readonly from: string;
  readonly to: string;
  readonly versions: readonly StoredVersion[];
}

function DiffResult({ documentId, from, to, versions }: DiffResultProps) {
  const load = useCallback(() => getVersionDiff(documentId, from, to), [documentId, from, to]);
  const { data, error, loading } = useLoad(load);
  const name = (id: string) => {
    const version = versions.find((v) => v.id === id);
    return version === undefined ? id : versionName(version);
  };
  // A stale answer (for the previous pair) stays on screen until the new one arrives.
  const current = data !== undefined && data.from.id === from && data.to.id === to;
  return (
    <div aria-busy={loading}>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p>{t('app.loading')}</p>}
      {data !== undefined && (
        <>
          <p className="status-line diff-counts" role="status">
            {current
              ? t('diff.counts', {
                  inserted: wordCount(
                    data.wordsInserted,
                    'diff.oneWordInserted',
                    'diff.wordsInserted',
                  ),
                  deleted: wordCount(data.wordsDeleted, 'diff.oneWordDeleted', 'diff.wordsDeleted'),
                })
              : t('app.loading')}
          </p>
          <p className="muted">{t('diff.legend')}</p>
          <div
            className="diff-text"
            role="region"
            tabIndex={0}
            aria-label={t('diff.region', { from: name(data.from.id), to: name(data.to.id) })}
          >
            {data.parts.map((part, index) => (
              <DiffPartView key={index} part={part} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function wordCount(count: number, one: MessageId, many: MessageId): string {
  return count === 1 ? t(one) : t(many, { count });
}

function DiffPartView({ part }: { readonly part: DiffPart }) {
  switch (part.op) {
    case 'equal':
      return <>{part.text}</>;
    case 'insert':
      return (
        <ins>
          <span className="visually-hidden">{t('diff.insertedStart')}</span>
          {part.text}
          <span className="visually-hidden">{t('diff.insertedEnd')}</span>
        </ins>
      );
    case 'delete':
      return (
        <del>
          <span className="visually-hidden">{t('diff.deletedStart')}</span>
          {part.text}
          <span className="visually-hidden">{t('diff.deletedEnd')}</span>
        </del>
      );
  }
}
