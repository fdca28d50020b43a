/**
 * The checks a schema cannot make: references between parts of the file, unique ids, dates that
 * exist and come in order, durations, texts that match their SHA-256, and zone geometries.
 * Returns the problems (with paths) and the zones' final geometries (repaired, or computed as
 * buffers). Pure: the SHA-256 function is passed in.
 */
import { bufferGeometry } from '../geo/buffer.js';
import type { Geometry } from '../geo/geojson.js';
import { validateGeometry } from '../geo/validate-geometry.js';
import { compareDates, isRealDate } from './dates.js';
import { parseDuration } from './duration.js';
import type { AgreementFile } from './file-schema.js';
import type { FilePath } from './schema-messages.js';

/**
 * The most positions a drawn zone may have. A record entry holds about 2,500 positions anyway,
 * and the self-intersection check is quadratic: this keeps one file from stalling the server.
 */
export const MAX_ZONE_POSITIONS = 5000;

/** Counts the numbers-pairs in a (possibly invalid) geometry value, without trusting its shape. */
function countPositions(value: unknown): number {
  if (!Array.isArray(value)) {
    if (value === null || typeof value !== 'object') return 0;
    const record = value as Record<string, unknown>;
    return countPositions(record['coordinates']) + countPositions(record['geometries']);
  }
  if (value.length > 0 && typeof value[0] === 'number') return 1;
  return value.reduce((sum: number, item: unknown) => sum + countPositions(item), 0);
}

/** Document ids taken by fixed paths under /agreements/ in the web app. */
export const RESERVED_DOCUMENT_IDS: readonly string[] = ['zones'];

/** A problem found by the semantic checks. */
export interface AgreementProblem {
  readonly severity: 'error' | 'warning';
  readonly path: FilePath;
  readonly message: string;
}

/** What the checks found, and every zone's geometry when its zone has no errors. */
export interface AgreementCheck {
  readonly problems: AgreementProblem[];
  readonly geometries: ReadonlyMap<string, Geometry>;
}

/** Checks a file that already matches the schema. */
export function checkAgreement(
  file: AgreementFile,
  sha256Hex: (text: string) => string,
): AgreementCheck {
  const problems: AgreementProblem[] = [];
  const error = (path: FilePath, message: string) =>
    problems.push({ severity: 'error', path, message });

  const actors = uniqueIds(file.actors, ['actors'], 'actor', error);
  const versions = uniqueIds(file.versions ?? [], ['versions'], 'version', error);
  const provisions = uniqueIds(file.provisions ?? [], ['provisions'], 'provision', error);
  uniqueIds(file.commitments ?? [], ['commitments'], 'commitment', error);
  const zones = uniqueIds(file.zones ?? [], ['zones'], 'zone', error);
  file.statusHistory?.forEach((claim, i) => {
    const twin = file.statusHistory?.findIndex((c) => c.id !== undefined && c.id === claim.id);
    if (claim.id !== undefined && twin !== undefined && twin < i) {
      error(
        ['statusHistory', i, 'id'],
        `duplicate status claim id "${claim.id}" (first at statusHistory[${twin}])`,
      );
    }
  });

  const actorRef = (path: FilePath, id: string | undefined) => {
    if (id !== undefined && !actors.has(id)) {
      error(path, `unknown actor "${id}": list it under actors (known: ${[...actors].join(', ')})`);
    }
  };
  const dateField = (path: FilePath, value: string | undefined) => {
    if (value !== undefined && !isRealDate(value)) error(path, `"${value}" is not a real date`);
  };
  const durationField = (path: FilePath, value: string | undefined) => {
    if (value === undefined) return;
    const parsed = parseDuration(value);
    if (typeof parsed === 'string') error(path, parsed);
  };
  const ordered = (from: FilePath, a: string | undefined, to: FilePath, b: string | undefined) => {
    if (a === undefined || b === undefined || !isRealDate(a) || !isRealDate(b)) return;
    if (compareDates(a, b) > 0) {
      error(to, `${b} is before ${a} (${from[from.length - 1]}); dates are out of order`);
    }
  };

  if (RESERVED_DOCUMENT_IDS.includes(file.document.id)) {
    error(
      ['document', 'id'],
      `"${file.document.id}" is reserved (the web app's zones map); choose another id`,
    );
  }
  dateField(['document', 'date'], file.document.date);
  const rolesSeen = new Set<string>();
  file.document.roles.forEach((role, i) => {
    actorRef(['document', 'roles', i, 'actor'], role.actor);
    dateField(['document', 'roles', i, 'date'], role.date);
    const key = `${role.actor}/${role.role}`;
    if (rolesSeen.has(key))
      error(['document', 'roles', i], `${role.actor} is listed twice as ${role.role}`);
    rolesSeen.add(key);
  });

  file.versions?.forEach((version, i) => {
    dateField(['versions', i, 'date'], version.date);
    dateField(['versions', i, 'source', 'date'], version.source?.date);
    if (version.translationOf !== undefined && !versions.has(version.translationOf)) {
      error(['versions', i, 'translationOf'], `unknown version "${version.translationOf}"`);
    }
    if (version.kind === 'translation' && version.translationOf === undefined) {
      error(['versions', i], 'a translation names the version it translates (translationOf)');
    }
    if (version.sha256 !== undefined && version.sha256 !== sha256Hex(version.text)) {
      error(
        ['versions', i, 'sha256'],
        `does not match the text (its SHA-256 is ${sha256Hex(version.text)})`,
      );
    }
  });

  let previous: { date: string; index: number } | undefined;
  file.statusHistory?.forEach((claim, i) => {
    dateField(['statusHistory', i, 'date'], claim.date);
    dateField(['statusHistory', i, 'source', 'date'], claim.source.date);
    if (previous && isRealDate(claim.date) && compareDates(previous.date, claim.date) > 0) {
      error(
        ['statusHistory', i, 'date'],
        `${claim.date} is before the claim above it (${previous.date}, statusHistory[${previous.index}]); list claims in date order`,
      );
    }
    if (isRealDate(claim.date)) previous = { date: claim.date, index: i };
  });

  file.provisions?.forEach((provision, i) => {
    if (provision.version !== undefined && !versions.has(provision.version)) {
      error(['provisions', i, 'version'], `unknown version "${provision.version}"`);
    }
  });

  file.commitments?.forEach((c, i) => {
    const at = (...rest: (string | number)[]): FilePath => ['commitments', i, ...rest];
    actorRef(at('obligor'), c.obligor);
    actorRef(at('beneficiary'), c.beneficiary);
    if (c.provision !== undefined && !provisions.has(c.provision)) {
      error(at('provision'), `unknown provision "${c.provision}"`);
    }
    c.versions?.forEach((v, j) => {
      if (!versions.has(v)) error(at('versions', j), `unknown version "${v}"`);
    });
    c.trigger?.actors?.forEach((a, j) => actorRef(at('trigger', 'actors', j), a));
    c.trigger?.zones?.forEach((z, j) => {
      if (!zones.has(z)) error(at('trigger', 'zones', j), `unknown zone "${z}"`);
    });
    actorRef(at('trigger', 'determinedBy', 'actor'), c.trigger?.determinedBy?.actor);
    c.trigger?.determinedBy?.vetoHolders?.forEach((a, j) =>
      actorRef(at('trigger', 'determinedBy', 'vetoHolders', j), a),
    );
    c.responses?.forEach((r, j) => durationField(at('responses', j, 'period'), r.period));
    durationField(at('deadline', 'duration'), c.deadline?.duration);
    const validity = c.validity;
    if (validity) {
      dateField(at('validity', 'start'), validity.start);
      dateField(at('validity', 'end'), validity.end);
      ordered(at('validity', 'start'), validity.start, at('validity', 'end'), validity.end);
      durationField(at('validity', 'duration'), validity.duration);
      durationField(at('validity', 'terminationNotice'), validity.terminationNotice);
      if (validity.indefinite === true && (validity.end ?? validity.duration) !== undefined) {
        error(at('validity', 'indefinite'), 'an indefinite commitment has no end or duration');
      }
    }
    c.preconditions?.forEach((p, j) =>
      dateField(at('preconditions', j, 'source', 'date'), p.source?.date),
    );
    c.termDivergences?.forEach((d, j) =>
      d.languages.forEach((language, k) => {
        if (!file.document.languages.includes(language)) {
          problems.push({
            severity: 'warning',
            path: at('termDivergences', j, 'languages', k),
            message: `"${language}" is not one of the document's languages (${file.document.languages.join(', ')})`,
          });
        }
      }),
    );
  });

  const geometries = new Map<string, Geometry>();
  const zoneList = file.zones ?? [];
  zoneList.forEach((zone, i) => {
    dateField(['zones', i, 'validFrom'], zone.validFrom);
    dateField(['zones', i, 'validTo'], zone.validTo);
    ordered(['zones', i, 'validFrom'], zone.validFrom, ['zones', i, 'validTo'], zone.validTo);
    dateField(['zones', i, 'source', 'date'], zone.source?.date);
    if ((zone.geometry === undefined) === (zone.buffer === undefined)) {
      error(['zones', i], 'a zone has either a geometry or a buffer, not both and not neither');
      return;
    }
    if (zone.geometry !== undefined) {
      const positions = countPositions(zone.geometry);
      if (positions > MAX_ZONE_POSITIONS) {
        error(
          ['zones', i, 'geometry'],
          `has ${positions} positions; a zone may have at most ${MAX_ZONE_POSITIONS} (simplify it)`,
        );
        return;
      }
      const checked = validateGeometry(zone.geometry);
      for (const problem of checked.problems) {
        problems.push({
          severity: problem.severity,
          path: ['zones', i, 'geometry', ...problem.path],
          message: problem.message,
        });
      }
      if (checked.geometry !== null) geometries.set(zone.id, checked.geometry);
    }
  });
  zoneList.forEach((zone, i) => {
    if (zone.buffer === undefined) return;
    const base = zoneList.find((z) => z.id === zone.buffer?.of);
    if (base === undefined) {
      error(['zones', i, 'buffer', 'of'], `unknown zone "${zone.buffer.of}"`);
    } else if (base.geometry === undefined) {
      error(
        ['zones', i, 'buffer', 'of'],
        `zone "${base.id}" is itself computed; buffer a drawn zone`,
      );
    } else {
      const geometry = geometries.get(base.id);
      if (geometry) {
        try {
          geometries.set(zone.id, bufferGeometry(geometry, zone.buffer.distanceKm));
        } catch (failure) {
          error(
            ['zones', i, 'buffer'],
            `cannot compute a ${zone.buffer.distanceKm} km buffer of "${base.id}": ${failure instanceof Error ? failure.message : String(failure)}`,
          );
        }
      }
    }
  });
  return { problems, geometries };
}

function uniqueIds(
  items: readonly { id: string }[],
  path: FilePath,
  what: string,
  error: (path: FilePath, message: string) => void,
): Set<string> {
  const ids = new Map<string, number>();
  items.forEach((item, i) => {
    const first = ids.get(item.id);
    if (first !== undefined) {
      error(
        [...path, i, 'id'],
        `duplicate ${what} id "${item.id}" (first at ${String(path[0])}[${first}])`,
      );
    } else {
      ids.set(item.id, i);
    }
  });
  return new Set(ids.keys());
}
