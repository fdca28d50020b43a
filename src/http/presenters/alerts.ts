/** CAP alerts as the API shows them: a list, or an Atom feed linking each CAP message. */
import { atomFeed } from '../../core/alerts/atom.js';
import type * as Alerts from '../schemas/alerts.js';
import type { Resolved } from './resolved.js';

/** Alerts, newest first. */
export function presentAlerts(alerts: Resolved<'accountability', 'alerts'>): Alerts.AlertList {
  return { alerts };
}

/**
 * The alerts as an Atom 1.0 feed. `base` is the scheme and host the client used, `url` the
 * request's path and query (the feed's self link).
 */
export function presentAlertFeed(
  alerts: Resolved<'accountability', 'alerts'>,
  base: string,
  url: string,
): string {
  return atomFeed({
    id: `${base}/api/v1/alerts.atom`,
    title: 'Truce: activations of security guarantees',
    updated: alerts[0]?.sent ?? new Date(0).toISOString(),
    links: { self: `${base}${url}` },
    author: { name: 'Truce' },
    entries: alerts.map((a) => ({
      id: `urn:uuid:${a.id}`,
      title: a.headline,
      updated: a.sent,
      published: a.sent,
      summary: `${a.msgType}: ${a.headline}`,
      links: {
        page: `${base}/activations/${encodeURIComponent(a.activationId)}`,
        capMessage: `${base}/api/v1/alerts/${encodeURIComponent(a.id)}.cap`,
      },
      categories: [{ term: a.msgType }, { term: a.obligor, label: 'guarantor' }],
    })),
  });
}
