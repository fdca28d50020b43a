/**
 * The paths of the agreements area, built and parsed in one place: the document list, a
 * document, one of its commitments, and the zones map (optionally for one document).
 */

/** The agreements area's own path. */
export const AGREEMENTS_PATH = '/agreements';

/** The page a path inside the agreements area shows. */
export type AgreementsRoute =
  | { readonly page: 'list' }
  | { readonly page: 'zones' }
  | { readonly page: 'document'; readonly documentId: string }
  | { readonly page: 'commitment'; readonly documentId: string; readonly commitmentId: string }
  | { readonly page: 'unknown' };

/** The path of a document's page. */
export function documentPath(documentId: string): string {
  return `${AGREEMENTS_PATH}/${encodeURIComponent(documentId)}`;
}

/** The path of a commitment's page. */
export function commitmentPath(documentId: string, commitmentId: string): string {
  return `${documentPath(documentId)}/commitments/${encodeURIComponent(commitmentId)}`;
}

/** The path of the zones map, showing only `documentId`'s zones when given. */
export function zonesMapPath(documentId?: string): string {
  const base = `${AGREEMENTS_PATH}/zones`;
  return documentId === undefined ? base : `${base}?document=${encodeURIComponent(documentId)}`;
}

/**
 * The route of `path` (without query string). `/agreements/zones` is the map, so a document
 * whose id is `zones` is reachable only through the API.
 */
export function parseAgreementsPath(path: string): AgreementsRoute {
  const rest = path.slice(AGREEMENTS_PATH.length).replace(/\/+$/, '');
  const parts = rest.split('/').slice(1).map(decodeSegment);
  if (parts.some((part) => part === null || part === '')) return { page: 'unknown' };
  const [first, second, third, ...more] = parts as string[];
  if (first === undefined) return { page: 'list' };
  if (second === undefined)
    return first === 'zones' ? { page: 'zones' } : { page: 'document', documentId: first };
  if (second === 'commitments' && third !== undefined && more.length === 0) {
    return { page: 'commitment', documentId: first, commitmentId: third };
  }
  return { page: 'unknown' };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
