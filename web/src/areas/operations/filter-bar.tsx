/**
 * The filters bar of the operations screen: every control labelled, each applied as soon as it
 * changes, except the words, applied on Enter or when the field is left (typing should not
 * fetch on every key).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { VERIFICATION_STATUSES } from '../../../../src/core/accountability/model.js';
import { INCIDENT_CATEGORIES } from '../../../../src/core/agreements/vocabulary.js';
import { SOURCE_KINDS } from '../../../../src/core/reports/vocabulary.js';
import { zoneKey } from '../../map/zone-style';
import { isMessageId, t } from '../../strings';
import type { DocumentSummary, ZoneFeature } from '../agreements/types';
import { incidentStatusLabel, incidentTypeLabel, sourceKindLabel } from '../monitoring/words';
import { atLeast, LADDER, NO_FILTERS, type OpsFilters } from './filters';

/** Props of OperationsFilterBar. */
export interface OperationsFilterBarProps {
  readonly filters: OpsFilters;
  readonly zones: readonly ZoneFeature[];
  readonly documents: readonly DocumentSummary[];
  readonly onChange: (filters: OpsFilters) => void;
}

/** The filters form (`data-testid="ops-filters"`). */
export function OperationsFilterBar({
  filters,
  zones,
  documents,
  onChange,
}: OperationsFilterBarProps) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const set = (change: Partial<OpsFilters>) => onChange({ ...filters, ...change });
  const applyText = () => {
    if (q.trim() !== filters.q) set({ q: q.trim() });
  };
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    applyText();
  }
  const statusOptions = [
    { value: '', label: t('ops.allStatuses') },
    ...LADDER.slice(1).map((rung) => ({
      value: atLeast(rung),
      label: t('ops.atLeast', { status: incidentStatusLabel(rung) }),
    })),
    ...VERIFICATION_STATUSES.map((status) => ({
      value: status,
      label: incidentStatusLabel(status),
    })),
  ];
  if (!statusOptions.some((option) => option.value === filters.status)) {
    statusOptions.push({
      value: filters.status,
      label: t('ops.customStatus', {
        statuses: filters.status.split(',').map(incidentStatusLabel).join(', '),
      }),
    });
  }
  const documentName = (id: string) => {
    const document = documents.find((d) => d.id === id);
    return document === undefined ? id : (document.shortTitle ?? document.title);
  };
  return (
    <form
      className="ops-filters"
      data-testid="ops-filters"
      role="search"
      aria-label={t('ops.filters')}
      onSubmit={handleSubmit}
    >
      <label className="ops-field">
        <span>{t('ops.from')}</span>
        <input
          type="date"
          name="from"
          value={filters.from.slice(0, 10)}
          onChange={(event) => set({ from: dayStart(event.target.value) })}
        />
      </label>
      <label className="ops-field">
        <span>{t('ops.to')}</span>
        <input
          type="date"
          name="to"
          value={filters.to === '' ? '' : dayOf(filters.to)}
          onChange={(event) => set({ to: dayEnd(event.target.value) })}
        />
      </label>
      <label className="ops-field">
        <span>{t('ops.type')}</span>
        <select name="type" value={filters.type} onChange={(e) => set({ type: e.target.value })}>
          <option value="">{t('ops.allTypes')}</option>
          {Object.entries(INCIDENT_CATEGORIES).map(([category, types]) => {
            const id = `event.${category}`;
            return (
              <optgroup key={category} label={isMessageId(id) ? t(id) : category}>
                {types.map((type) => (
                  <option key={type} value={type}>
                    {incidentTypeLabel(type)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>
      <label className="ops-field">
        <span>{t('ops.status')}</span>
        <select
          name="status"
          value={filters.status}
          onChange={(e) => set({ status: e.target.value })}
        >
          {statusOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="ops-field">
        <span>{t('ops.sourceKind')}</span>
        <select
          name="sourceKind"
          value={filters.sourceKind}
          onChange={(e) => set({ sourceKind: e.target.value })}
        >
          <option value="">{t('ops.allSourceKinds')}</option>
          {SOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {sourceKindLabel(kind)}
            </option>
          ))}
        </select>
      </label>
      <label className="ops-field">
        <span>{t('ops.zone')}</span>
        <select name="zone" value={filters.zone} onChange={(e) => set({ zone: e.target.value })}>
          <option value="">{t('ops.anyZone')}</option>
          {zones.map((zone) => {
            const key = zoneKey(zone.properties.documentId, zone.properties.id);
            return (
              <option key={key} value={key}>
                {t('ops.zoneOption', {
                  document: documentName(zone.properties.documentId),
                  zone: zone.properties.name,
                })}
              </option>
            );
          })}
          {filters.zone !== '' &&
            !zones.some(
              (z) => zoneKey(z.properties.documentId, z.properties.id) === filters.zone,
            ) && <option value={filters.zone}>{filters.zone}</option>}
        </select>
      </label>
      <label className="ops-field ops-field-text">
        <span>{t('ops.text')}</span>
        <input
          type="search"
          name="q"
          value={q}
          maxLength={200}
          title={t('ops.textHint')}
          onChange={(event) => setQ(event.target.value)}
          onBlur={applyText}
        />
      </label>
      <button
        type="button"
        className="button-secondary"
        disabled={JSON.stringify(filters) === JSON.stringify(NO_FILTERS)}
        onClick={() => onChange(NO_FILTERS)}
      >
        {t('ops.clear')}
      </button>
    </form>
  );
}

/** The start (00:00 UTC) of a `YYYY-MM-DD` day as ISO 8601; '' for no day. */
function dayStart(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00.000Z` : '';
}

/** The last millisecond of a `YYYY-MM-DD` day (UTC) as ISO 8601; '' for no day. */
function dayEnd(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59.999Z` : '';
}

/** The UTC day (`YYYY-MM-DD`) an end time falls in; an end at midnight ends the day before. */
function dayOf(iso: string): string {
  return new Date(Date.parse(iso) - 1).toISOString().slice(0, 10);
}
