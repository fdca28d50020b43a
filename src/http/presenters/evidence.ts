/** Evidence files as the API shows them. */
import type * as Evidence from '../schemas/evidence.js';
import type { Resolved } from './resolved.js';

/** A stored file's hash, size and media type (the service's info is the API shape). */
export function presentEvidenceInfo(info: Resolved<'evidence', 'store'>): Evidence.EvidenceInfo {
  return info;
}
