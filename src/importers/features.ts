/**
 * GeoJSON FeatureCollections as the importers read them (UCDP GeoJSON and generic GeoJSON):
 * the features with their lines, the legacy `crs` member, and Point geometries checked like
 * every other coordinate.
 */
import { checkCoordinates, type CoordinateOptions } from './coordinates.js';
import { ImportUsageError } from './errors.js';
import { elementLines, readJsonFile } from './json.js';
import { addError, addWarning, type ImportProblem } from './row.js';

/** A FeatureCollection file: its features (non-objects wrapped as `{ feature }`) and lines. */
export interface FeatureCollectionFile {
  readonly features: Record<string, unknown>[];
  readonly lines: number[];
  /** The legacy `crs` member (RFC 7946 removed it), when present. */
  readonly crs?: { readonly name: string; readonly wgs84: boolean };
}

/** Reads a FeatureCollection whole; anything else is an ImportUsageError. */
export async function readFeatureCollection(path: string): Promise<FeatureCollectionFile> {
  const { value, text } = await readJsonFile(path);
  const root = isObject(value) ? value : {};
  if (root['type'] !== 'FeatureCollection' || !Array.isArray(root['features'])) {
    throw new ImportUsageError(`${path} is not a GeoJSON FeatureCollection`);
  }
  const raw = root['features'] as unknown[];
  const features = raw.map((f) => (isObject(f) ? f : { feature: f }));
  const lines = elementLines(text, features.length, 'features');
  const crsMember = root['crs'];
  if (crsMember === undefined) return { features, lines };
  const props = isObject(crsMember) ? crsMember['properties'] : undefined;
  const name =
    isObject(props) && typeof props['name'] === 'string'
      ? props['name']
      : JSON.stringify(crsMember);
  return { features, lines, crs: { name, wgs84: /(CRS84|EPSG::?4326)$/i.test(name) } };
}

/**
 * The `crs` member's problems for the feature at `index`: a WGS84 `crs` is ignored with a
 * warning on the first feature only; any other `crs` is an error on every feature (its
 * coordinates are not lon/lat).
 */
export function checkCrs(file: FeatureCollectionFile, index: number, problems: ImportProblem[]) {
  if (file.crs === undefined) return;
  if (!file.crs.wgs84) {
    addError(problems, 'crs', `"${file.crs.name}" is not WGS84 lon/lat; reproject to EPSG:4326`);
  } else if (index === 0) {
    addWarning(
      problems,
      'crs',
      `legacy member ("${file.crs.name}") ignored: GeoJSON coordinates are WGS84 lon/lat (RFC 7946)`,
    );
  }
}

/**
 * The point of a Point feature, checked (range, swap, 0,0, region). A null geometry is no
 * location (an error when `required`); other geometry types are errors.
 */
export function readPoint(
  feature: Record<string, unknown>,
  problems: ImportProblem[],
  options: CoordinateOptions,
): { lat: number; lon: number } | undefined {
  if (feature['type'] !== 'Feature') {
    addError(problems, 'type', `is ${JSON.stringify(feature['type'] ?? null)}, not "Feature"`);
    return undefined;
  }
  const geometry = feature['geometry'];
  if (geometry === null || geometry === undefined) {
    if (options.required) addError(problems, 'geometry', 'is null');
    return undefined;
  }
  if (!isObject(geometry) || geometry['type'] !== 'Point') {
    const type = isObject(geometry) ? geometry['type'] : geometry;
    addError(problems, 'geometry.type', `${JSON.stringify(type)} is not supported: only Point`);
    return undefined;
  }
  const coordinates = geometry['coordinates'];
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    addError(problems, 'geometry.coordinates', 'is not a [lon, lat] position');
    return undefined;
  }
  return checkCoordinates(
    problems,
    { field: 'geometry.coordinates[1]', value: coordinates[1] },
    { field: 'geometry.coordinates[0]', value: coordinates[0] },
    { ...options, required: true },
  );
}

/** The feature's `properties` (an empty object when absent or not an object). */
export function propertiesOf(feature: Record<string, unknown>): Record<string, unknown> {
  const props = feature['properties'];
  return isObject(props) ? props : {};
}

/** Whether the value is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
