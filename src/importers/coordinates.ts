/**
 * Coordinate checks shared by every importer: parse, range, apparent swaps, the 0,0
 * placeholder, and (for data sets about one region) whether the point lies in that region.
 * Validators do not check ranges (DOMAIN.md: "check ranges yourself").
 */
import { addError, addWarning, type ImportProblem } from './row.js';

/** A lat/lon box that a data set is about; points outside it are suspicious, not impossible. */
export interface Region {
  readonly name: string;
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLon: number;
  readonly maxLon: number;
}

/**
 * Ukraine and its neighbours (Poland to the Volga, the Black Sea to Belarus and Moscow): the
 * area the Ukrainian data sets (VIINA, CIR, Bellingcat) are about.
 */
export const UKRAINE_AND_NEIGHBOURS: Region = {
  name: 'Ukraine and its neighbours',
  minLat: 41,
  maxLat: 60,
  minLon: 14,
  maxLon: 50,
};

/** One coordinate as read: the source field's name and its raw value. */
export interface CoordinateCell {
  readonly field: string;
  readonly value: unknown;
}

/** What checkCoordinates may be told about the data set. */
export interface CoordinateOptions {
  /** An empty pair is an error (true) or means "no location" (false). */
  readonly required: boolean;
  /** The region the data set is about: outside it is a warning; swapped into it, an error. */
  readonly region?: Region;
}

/**
 * Checks a latitude/longitude pair and returns it as numbers, or undefined when it is empty or
 * wrong. Errors (naming the field): not a number, one of the pair missing, out of range,
 * apparently swapped (lat beyond ±90 but valid as a longitude, or the swapped pair inside the
 * region and the given one outside it), 0,0. Warnings: outside the region, lat equal to lon.
 */
export function checkCoordinates(
  problems: ImportProblem[],
  latCell: CoordinateCell,
  lonCell: CoordinateCell,
  options: CoordinateOptions,
): { lat: number; lon: number } | undefined {
  const lat = parseCoordinate(problems, latCell);
  const lon = parseCoordinate(problems, lonCell);
  if (lat === null || lon === null) return undefined;
  if (lat === undefined || lon === undefined) {
    if (lat === undefined && lon === undefined) {
      if (options.required)
        addError(problems, latCell.field, 'is empty (and so is ' + lonCell.field + ')');
      return undefined;
    }
    addError(problems, lat === undefined ? latCell.field : lonCell.field, 'is empty');
    return undefined;
  }
  if (Math.abs(lat) > 90) {
    const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
    addError(
      problems,
      latCell.field,
      `${lat} is out of range (-90..90)` +
        (swapped ? `; latitude and longitude appear swapped` : ''),
    );
    return undefined;
  }
  if (Math.abs(lon) > 180) {
    addError(problems, lonCell.field, `${lon} is out of range (-180..180)`);
    return undefined;
  }
  if (Math.abs(lat) < 0.01 && Math.abs(lon) < 0.01) {
    addError(problems, latCell.field, `${lat},${lon} is the 0,0 placeholder, not a place`);
    return undefined;
  }
  if (lat === lon) {
    addWarning(problems, lonCell.field, `equals the latitude (${lat}): probably a copy error`);
  }
  const region = options.region;
  if (region !== undefined && !inRegion(region, lat, lon)) {
    if (inRegion(region, lon, lat)) {
      addError(
        problems,
        latCell.field,
        `${lat},${lon} lies outside ${region.name} but ${lon},${lat} lies inside: ` +
          `latitude and longitude appear swapped`,
      );
      return undefined;
    }
    const field = lat < region.minLat || lat > region.maxLat ? latCell.field : lonCell.field;
    addWarning(
      problems,
      field,
      `${lat},${lon} lies outside ${region.name} (lat ${region.minLat}..${region.maxLat}, ` +
        `lon ${region.minLon}..${region.maxLon})`,
    );
  }
  return { lat, lon };
}

/** The number; undefined when empty; null (with an error) when not a number. */
function parseCoordinate(
  problems: ImportProblem[],
  cell: CoordinateCell,
): number | null | undefined {
  const { field, value } = cell;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    addError(problems, field, `${value} is not a number`);
    return null;
  }
  const text = String(value).trim();
  if (text === '') return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    addError(problems, field, `"${text}" is not a number`);
    return null;
  }
  return Number(text);
}

function inRegion(region: Region, lat: number, lon: number): boolean {
  return (
    lat >= region.minLat && lat <= region.maxLat && lon >= region.minLon && lon <= region.maxLon
  );
}
