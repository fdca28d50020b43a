/** Incidents as the API shows them: JSON pages, GeoJSON pages and clusters, one incident. */
import type * as Incidents from '../schemas/incidents.js';
import type { Resolved } from './resolved.js';

type Page = Resolved<'incidents', 'list'>;

/** A page as JSON; `nextUrl` is the request's URL with the next cursor, or null. */
export function presentIncidentList(page: Page, nextUrl: string | null): Incidents.IncidentList {
  return { incidents: page.incidents, next: page.next, nextUrl };
}

/** A page as a GeoJSON FeatureCollection with a `next` link; unplaced incidents have no geometry. */
export function presentIncidentFeatures(
  page: Page,
  nextUrl: string | null,
): Incidents.IncidentPage {
  return {
    type: 'FeatureCollection',
    features: page.incidents.map(({ location, ...incident }) => ({
      type: 'Feature',
      id: incident.id,
      geometry: location && { type: 'Point', coordinates: [location.lon, location.lat] },
      properties: { ...incident, radiusM: location?.radiusM ?? null },
    })),
    links: nextUrl === null ? [] : [{ rel: 'next', href: nextUrl, type: 'application/geo+json' }],
  };
}

/** Clusters as GeoJSON points with their counts (and the incident of a cluster of one). */
export function presentClusters(
  cells: Resolved<'incidents', 'clusters'>,
): Incidents.ClusterCollection {
  return {
    type: 'FeatureCollection',
    features: cells.map((c) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      properties: { count: c.count, incidentId: c.incidentId },
    })),
  };
}

/** The timeline's bins (the service's timeline is the API shape). */
export function presentTimeline(timeline: Resolved<'incidents', 'timeline'>): Incidents.Timeline {
  return timeline;
}

/** One incident with its zones, reports and decisions (the service's view is the API shape). */
export function presentIncident(view: Resolved<'incidents', 'get'>): Incidents.IncidentDetail {
  return view;
}
