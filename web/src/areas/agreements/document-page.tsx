/**
 * One document: its header (kind, legal form, date, place, summary, downloads), then its
 * parties and signatures, status history, versions and their differences, provisions,
 * commitments with their concreteness, and zones.
 */
import { useCallback } from 'react';
import { Breadcrumb } from '../../components/breadcrumb';
import { CalendarDate } from '../../components/calendar-date';
import { DateTime } from '../../components/date-time';
import { ErrorMessage } from '../../components/error-message';
import { PageTitle } from '../../components/page-title';
import { WarningFlag } from '../../components/warning-flag';
import { documentExportUrl, getDocument } from '../../endpoints';
import { t, type MessageId } from '../../strings';
import { useLoad } from '../../use-load';
import { DocumentCommitments } from './document-commitments';
import { DocumentParties } from './document-parties';
import { DocumentProvisions } from './document-provisions';
import { DocumentVersions } from './document-versions';
import { DocumentZones } from './document-zones';
import { paragraphs, formatList } from './format';
import { AGREEMENTS_PATH } from './paths';
import { StatusHistory, StatusOn } from './status-history';
import type { DocumentView } from './types';
import { documentKindLabel, languageName, legalFormLabel } from './words';

/** The sections of a document page, in order, with their heading ids for in-page links. */
const SECTIONS: readonly { readonly id: string; readonly title: MessageId }[] = [
  { id: 'document-parties', title: 'parties.title' },
  { id: 'document-status', title: 'status.title' },
  { id: 'document-versions', title: 'versions.title' },
  { id: 'document-provisions', title: 'provisions.title' },
  { id: 'document-commitments', title: 'commitments.title' },
  { id: 'document-zones', title: 'zones.title' },
];

/** Props of DocumentPage. */
export interface DocumentPageProps {
  readonly documentId: string;
}

/** The page of one document. */
export function DocumentPage({ documentId }: DocumentPageProps) {
  const load = useCallback(() => getDocument(documentId), [documentId]);
  const { data, error, loading } = useLoad(load);
  return (
    <>
      <Breadcrumb trail={[{ label: t('documents.title'), to: AGREEMENTS_PATH }]} />
      <PageTitle>{data?.document.title ?? t('document.title')}</PageTitle>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p>{t('app.loading')}</p>}
      {data !== undefined && <DocumentBody view={data} />}
    </>
  );
}

function DocumentBody({ view }: { readonly view: DocumentView }) {
  const { document } = view;
  return (
    <>
      <DocumentHeader view={view} />
      <nav className="toc" aria-label={t('document.onThisPage')}>
        <h2 className="toc-title">{t('document.onThisPage')}</h2>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{t(section.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <DocumentParties id="document-parties" document={document} actors={view.actors} />
      <StatusHistory
        id="document-status"
        claims={view.statusHistory}
        contradictions={view.contradictions}
      />
      <DocumentVersions id="document-versions" documentId={document.id} versions={view.versions} />
      <DocumentProvisions id="document-provisions" provisions={view.provisions} />
      <DocumentCommitments
        id="document-commitments"
        documentId={document.id}
        commitments={view.commitments}
        provisions={view.provisions}
        actors={view.actors}
      />
      <DocumentZones id="document-zones" documentId={document.id} zones={view.zones} />
    </>
  );
}

function DocumentHeader({ view }: { readonly view: DocumentView }) {
  const { document, status } = view;
  return (
    <section className="panel document-header" aria-label={t('document.title')}>
      {document.shortTitle !== undefined && <p className="subtitle">{document.shortTitle}</p>}
      <dl className="facts">
        <div>
          <dt>{t('document.kind')}</dt>
          <dd>{documentKindLabel(document.kind)}</dd>
        </div>
        <div>
          <dt>{t('document.legalForm')}</dt>
          <dd>{legalFormLabel(document.legalForm)}</dd>
        </div>
        {document.date !== undefined && (
          <div>
            <dt>{t('document.date')}</dt>
            <dd>
              <CalendarDate value={document.date} />
            </dd>
          </div>
        )}
        {document.place !== undefined && (
          <div>
            <dt>{t('document.place')}</dt>
            <dd>{document.place}</dd>
          </div>
        )}
        <div>
          <dt>{t('document.languages')}</dt>
          <dd>{formatList(document.languages.map(languageName))}</dd>
        </div>
        <div>
          <dt>{t('document.status')}</dt>
          <dd>
            {status === null ? t('documents.noStatus') : <StatusOn claim={status} />}
            {view.contradictions.length > 0 && (
              <>
                {' '}
                <a href="#document-status">
                  <WarningFlag>
                    {t('documents.contradictions', { count: view.contradictions.length })}
                  </WarningFlag>
                </a>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('document.updated')}</dt>
          <dd>
            <DateTime iso={view.updatedAt} empty={t('time.none')} />
          </dd>
        </div>
        <div>
          <dt>{t('document.export')}</dt>
          <dd className="link-row">
            <a
              href={documentExportUrl(document.id, 'yaml')}
              download
              aria-label={t('document.exportYamlLabel', { id: document.id })}
            >
              {t('document.exportYaml')}
            </a>
            <a
              href={documentExportUrl(document.id, 'json')}
              download
              aria-label={t('document.exportJsonLabel', { id: document.id })}
            >
              {t('document.exportJson')}
            </a>
          </dd>
        </div>
      </dl>
      {document.summary !== undefined &&
        paragraphs(document.summary).map((paragraph, index) => (
          <p key={index} className="summary">
            {paragraph}
          </p>
        ))}
    </section>
  );
}
