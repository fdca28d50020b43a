/**
 * A CAP message received as a report: sensor networks and other missions' systems speak CAP, so
 * Truce takes their alerts in at POST /api/v1/reports/cap. The report is the message's first
 * info block: its place (first circle, or the centre of the first polygon, with a radius that
 * covers it), its time (onset, else effective, else sent), and its incident type, which CAP has
 * no word for: a parameter `incidentType` names it (Truce's types, DOMAIN.md), or the event
 * itself is one. The sender and identifier make the client id, so a re-sent message is a no-op.
 */
import { INCIDENT_TYPES } from '../agreements/vocabulary.js';
import { invalid } from '../errors.js';
import { OBSERVATION_MODES } from '../reports/vocabulary.js';
import type { ReportInput } from '../reports/report-schema.js';
import type { ReceivedCapInfo, ReceivedCapMessage } from './xml-input.js';

/** Metres per degree of latitude (and of longitude at the equator), for polygon radii. */
const METRES_PER_DEGREE = 111_195;

/** The report a CAP message stands for. Throws VALIDATION_FAILED naming the CAP element. */
export function reportFromCap(message: ReceivedCapMessage): ReportInput {
  if (message.msgType !== 'Alert' && message.msgType !== 'Update') {
    throw invalid('alert.msgType', `a ${message.msgType} message reports nothing; send an Alert`);
  }
  const info = message.info[0];
  if (info === undefined) throw invalid('alert.info', 'the message has no info block to report');
  const type = info.parameters['incidentType'] ?? info.event;
  if (!(INCIDENT_TYPES as readonly string[]).includes(type)) {
    throw invalid(
      'alert.info[0].parameter',
      `no incident type: give a parameter incidentType (one of ${INCIDENT_TYPES.join(', ')}), or use one as the event`,
    );
  }
  const mode = info.parameters['observationMode'] ?? 'sensor';
  if (!(OBSERVATION_MODES as readonly string[]).includes(mode)) {
    throw invalid(
      'alert.info[0].parameter',
      `observationMode "${mode}" is not one of ${OBSERVATION_MODES.join(', ')}`,
    );
  }
  const observedFrom = new Date(info.onset ?? info.effective ?? message.sent);
  if (Number.isNaN(observedFrom.getTime())) {
    throw invalid('alert.sent', `"${info.onset ?? info.effective ?? message.sent}" is not a time`);
  }
  const location = placeOf(info);
  const text = [info.headline, info.description].filter((t) => t !== undefined).join('\n\n');
  return {
    // Ids in CAP may hold characters a client id may not; keep the printable ones.
    clientId: `cap:${message.sender}/${message.identifier}`
      .replace(/[^\x21-\x7e]/g, '_')
      .slice(0, 100),
    observedFrom: observedFrom.toISOString(),
    ...(location === undefined ? {} : { location }),
    ...(info.areas[0] === undefined ? {} : { placeName: info.areas[0].areaDesc.slice(0, 300) }),
    mode: mode as ReportInput['mode'],
    type: type as ReportInput['type'],
    source: { kind: 'sensor', name: (info.senderName ?? message.sender).slice(0, 200) },
    ...(text === '' ? {} : { text: text.slice(0, 20_000) }),
  };
}

/** The first circle of the first area, else the centre of its first polygon. */
function placeOf(info: ReceivedCapInfo): ReportInput['location'] {
  const area = info.areas[0];
  if (area === undefined) return undefined;
  const circle = area.circles[0];
  if (circle !== undefined) {
    const match = /^\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s+([\d.]+)\s*$/.exec(circle);
    const [lat, lon, radiusKm] = (match?.slice(1) ?? []).map(Number);
    if (lat === undefined || lon === undefined || radiusKm === undefined) {
      throw invalid('alert.info[0].area[0].circle', `"${circle}" is not "lat,lon radius"`);
    }
    return checked({ lon, lat, radiusM: radiusKm * 1000 }, 'circle');
  }
  const polygon = area.polygons[0];
  if (polygon === undefined) return undefined;
  const points = polygon
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(',').map(Number));
  if (points.length < 4 || points.some((p) => p.length !== 2 || p.some(Number.isNaN))) {
    throw invalid('alert.info[0].area[0].polygon', 'expected at least four "lat,lon" pairs');
  }
  const lat = points.reduce((sum, [y = 0]) => sum + y, 0) / points.length;
  const lon = points.reduce((sum, [, x = 0]) => sum + x, 0) / points.length;
  const radiusM = Math.max(
    ...points.map(([y = 0, x = 0]) =>
      Math.hypot(
        (y - lat) * METRES_PER_DEGREE,
        (x - lon) * METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180),
      ),
    ),
  );
  return checked({ lon, lat, radiusM: Math.round(radiusM) }, 'polygon');
}

function checked(
  place: { lon: number; lat: number; radiusM: number },
  element: string,
): ReportInput['location'] {
  if (Math.abs(place.lat) > 90 || Math.abs(place.lon) > 180) {
    throw invalid(`alert.info[0].area[0].${element}`, 'latitude or longitude out of range');
  }
  return { ...place, radiusM: Math.min(place.radiusM, 1_000_000) };
}
