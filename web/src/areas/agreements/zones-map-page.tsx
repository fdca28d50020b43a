/**
 * The zones map: every document's zones, or one document's (`?document=ID`), drawn with
 * MapLibre on country outlines, beside a legend that lists each zone in words. This module and
 * MapLibre are loaded only when the page is opened.
 */
import { useCallback, useState } from 'react';
import { Breadcrumb, type Crumb } from '../../components/breadcrumb';
import { ErrorMessage } from '../../components/error-message';
import { SelectField } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { getZones, listDocuments } from '../../endpoints';
import { navigate, useSearch } from '../../router';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { AGREEMENTS_PATH, documentPath, zonesMapPath } from './paths';
import type { DocumentSummary, ZoneCollection } from './types';
import { ZonesLegend } from './zones-legend';
import { ZonesMap, type ZoneSelection } from './zones-map';

/** The zones shown, the document they were asked for, and every document (for names). */
interface ZonesData {
  readonly documentId: string | null;
  readonly zones: ZoneCollection;
  readonly documents: readonly DocumentSummary[];
}

/** The zones map page. */
export function ZonesMapPage() {
  const documentId = new URLSearchParams(useSearch()).get('document');
  const load = useCallback(async (): Promise<ZonesData> => {
    const [zones, documents] = await Promise.all([getZones(documentId), listDocuments()]);
    return { documentId, zones, documents };
  }, [documentId]);
  const { data, error, loading } = useLoad(load);
  // While another document's zones load, the previous ones are not shown as if they were its.
  const current = data !== undefined && data.documentId === documentId ? data : undefined;
  const document = data?.documents.find((d) => d.id === documentId);
  const documentName =
    document === undefined ? documentId : (document.shortTitle ?? document.title);
  const trail: Crumb[] = [{ label: t('documents.title'), to: AGREEMENTS_PATH }];
  if (documentId !== null)
    trail.push({ label: documentName ?? documentId, to: documentPath(documentId) });

  return (
    <>
      <Breadcrumb trail={trail} />
      <PageTitle>
        {documentName === null ? t('map.title') : t('map.titleFor', { document: documentName })}
      </PageTitle>
      <p className="muted">{t('map.intro')}</p>
      {data !== undefined && (
        <div className="filter-row">
          <SelectField
            label={t('map.filter')}
            value={documentId ?? ''}
            options={[
              { value: '', label: t('map.allDocuments') },
              ...data.documents.map((d) => ({ value: d.id, label: d.shortTitle ?? d.title })),
            ]}
            onChange={(value) => navigate(zonesMapPath(value === '' ? undefined : value))}
          />
        </div>
      )}
      <ErrorMessage error={error} />
      {loading && current === undefined && <p role="status">{t('app.loading')}</p>}
      {current !== undefined &&
        (current.zones.features.length === 0 ? (
          <p>{t('map.empty')}</p>
        ) : (
          <ZonesView key={documentId ?? ''} data={current} />
        ))}
    </>
  );
}

function ZonesView({ data }: { readonly data: ZonesData }) {
  const [selection, setSelection] = useState<ZoneSelection | null>(null);
  const features = data.zones.features;
  return (
    <div className="zones-layout">
      <ZonesMap
        features={features}
        documents={data.documents}
        selection={selection}
        onSelect={setSelection}
      />
      <ZonesLegend
        features={features}
        documents={data.documents}
        showDocuments={data.documentId === null}
        selected={selection?.key ?? null}
        onShow={(key) => setSelection({ key, via: 'legend' })}
      />
    </div>
  );
}
