/**
 * A document's versions (draft, final, translations): kind, language, date, the SHA-256 of the
 * text (shortened, in full on hover and by copying) and its size; each text can be opened in
 * place. Below, two versions can be compared word by word.
 */
import { useCallback, useState } from 'react';
import { CalendarDate } from '../../components/calendar-date';
import { CopyButton } from '../../components/copy-button';
import { ErrorMessage } from '../../components/error-message';
import { TablePanel } from '../../components/table-panel';
import { getVersionText } from '../../endpoints';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { formatBytes, shortHash } from './format';
import type { StoredVersion } from './types';
import { VersionDiff } from './version-diff';
import { languageName, versionKindLabel, versionName } from './words';

/** Props of DocumentVersions. */
export interface DocumentVersionsProps {
  /** The id of the section's heading, for in-page links. */
  readonly id: string;
  readonly documentId: string;
  readonly versions: readonly StoredVersion[];
}

/** The versions section. */
export function DocumentVersions({ id, documentId, versions }: DocumentVersionsProps) {
  return (
    <TablePanel
      id={id}
      title={t('versions.title')}
      isEmpty={versions.length === 0}
      empty={t('versions.empty')}
      columns={[
        t('versions.colVersion'),
        t('versions.colKind'),
        t('versions.colLanguage'),
        t('versions.colDate'),
        t('versions.colHash'),
        t('versions.colSize'),
        t('versions.colText'),
      ]}
      after={<VersionDiff documentId={documentId} versions={versions} />}
    >
      {versions.map((version) => (
        <VersionRow
          key={version.id}
          documentId={documentId}
          version={version}
          versions={versions}
        />
      ))}
    </TablePanel>
  );
}

interface VersionRowProps {
  readonly documentId: string;
  readonly version: StoredVersion;
  readonly versions: readonly StoredVersion[];
}

function VersionRow({ documentId, version, versions }: VersionRowProps) {
  const [open, setOpen] = useState(false);
  const name = versionName(version);
  const original = versions.find((v) => v.id === version.translationOf);
  const textId = `version-text-${version.id}`;
  return (
    <>
      <tr>
        <th scope="row">
          {name}
          {version.translationOf !== undefined && (
            <span className="cell-note">
              {t('versions.translationOf', {
                version: original === undefined ? version.translationOf : versionName(original),
              })}
            </span>
          )}
        </th>
        <td>{versionKindLabel(version.kind)}</td>
        <td>{languageName(version.language)}</td>
        <td>
          {version.date === undefined ? t('time.none') : <CalendarDate value={version.date} />}
        </td>
        <td>
          <span className="hash-line">
            <code title={t('versions.hashTitle', { hash: version.sha256 })}>
              {shortHash(version.sha256)}
            </code>
            <CopyButton
              text={version.sha256}
              label={t('versions.copyHash')}
              ariaLabel={t('versions.copyHashLabel', { version: name })}
              copied={t('versions.copied')}
              failed={t('versions.copyFailed')}
            />
          </span>
        </td>
        <td className="cell-nowrap">{formatBytes(version.size)}</td>
        <td>
          <button
            type="button"
            className="button-small button-secondary"
            aria-expanded={open}
            aria-controls={open ? textId : undefined}
            onClick={() => setOpen(!open)}
          >
            {open ? t('versions.hide') : t('versions.view')}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="row-detail">
          <td colSpan={7} id={textId}>
            <VersionTextView documentId={documentId} version={version} />
          </td>
        </tr>
      )}
    </>
  );
}

function VersionTextView({
  documentId,
  version,
}: {
  readonly documentId: string;
  readonly version: StoredVersion;
}) {
  const load = useCallback(() => getVersionText(documentId, version.id), [documentId, version.id]);
  const { data, error, loading } = useLoad(load);
  return (
    <div>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p>{t('app.loading')}</p>}
      {data !== undefined && (
        <pre
          className="version-text"
          lang={version.language}
          tabIndex={0}
          aria-label={t('versions.textTitle', { version: versionName(version) })}
        >
          {data.text}
        </pre>
      )}
    </div>
  );
}
