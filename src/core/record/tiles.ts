/**
 * C2SP tlog-tiles arithmetic: tiles of 256 hashes, their paths (`tile/<L>/x001/234[.p/<W>]`),
 * which tiles a tree size has, and entry bundles (uint16 big-endian length-prefixed entries).
 */

/** Hashes per full tile; tile level L holds tree level 8L. */
export const TILE_WIDTH = 256;
export const TILE_HEIGHT = 8;
/** Largest entry a bundle can hold (uint16 length prefix). */
export const MAX_ENTRY_BYTES = 65_535;

/** A tile of hashes (level >= 0) or of entries (level "entries"). */
export interface TileRef {
  readonly level: number | 'entries';
  readonly index: number;
  /** 1-256; 256 is a full tile. */
  readonly width: number;
}

/** The path of a tile below the log prefix, e.g. `tile/0/x001/234.p/17`. */
export function tilePath(tile: TileRef): string {
  const digits = String(tile.index).padStart(3, '0');
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3)
    groups.unshift(digits.slice(Math.max(0, end - 3), end).padStart(3, '0'));
  const encoded = groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
  const partial = tile.width < TILE_WIDTH ? `.p/${tile.width}` : '';
  return `tile/${tile.level}/${encoded}${partial}`;
}

/** Parses a tile path (after `tile/`); returns a message when it is not a valid one. */
export function parseTilePath(path: string): TileRef | { error: string } {
  const match =
    /^(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (match === null)
    return { error: `"${path}" is not a tile path like 0/x001/234 or entries/005.p/17` };
  const [, levelText = '', indexText = '', widthText] = match;
  const level = levelText === 'entries' ? 'entries' : Number(levelText);
  if (level !== 'entries' && level > 63) return { error: `tile level ${level} is above 63` };
  const groups = indexText.split('/').map((g) => g.replace('x', ''));
  if (groups.length > 1 && groups[0] === '000')
    return { error: 'the tile index has a leading zero group' };
  const index = Number(groups.join(''));
  if (!Number.isSafeInteger(index)) return { error: 'the tile index is too large' };
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  if (widthText !== undefined && width >= TILE_WIDTH)
    return { error: `partial tile width ${width} must be 1-255` };
  return { level, index, width };
}

/** How many hashes tile level L holds in total for a tree of `size` leaves. */
export function hashesAtTileLevel(level: number, size: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/** The width the tile (level, index) has in a tree of `size`: 0 when it does not exist yet. */
export function tileWidthAt(level: number, index: number, size: number): number {
  const total = hashesAtTileLevel(level, size);
  return Math.max(0, Math.min(TILE_WIDTH, total - index * TILE_WIDTH));
}

/** Concatenates entries into a bundle, each prefixed with its big-endian uint16 length. */
export function encodeBundle(entries: readonly Uint8Array[]): Uint8Array {
  const total = entries.reduce((sum, e) => sum + 2 + e.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_BYTES)
      throw new Error(`entry of ${entry.length} bytes exceeds ${MAX_ENTRY_BYTES}`);
    out[at] = entry.length >> 8;
    out[at + 1] = entry.length & 0xff;
    out.set(entry, at + 2);
    at += 2 + entry.length;
  }
  return out;
}

/** Splits a bundle into its entries; returns a message when it is truncated. */
export function decodeBundle(bundle: Uint8Array): Uint8Array[] | { error: string } {
  const entries: Uint8Array[] = [];
  let at = 0;
  while (at < bundle.length) {
    if (at + 2 > bundle.length) return { error: `truncated length at byte ${at}` };
    const length = ((bundle[at] ?? 0) << 8) | (bundle[at + 1] ?? 0);
    if (at + 2 + length > bundle.length)
      return { error: `entry ${entries.length} runs past the end` };
    entries.push(bundle.slice(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}
