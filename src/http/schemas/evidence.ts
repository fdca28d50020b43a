/** Evidence files: what an upload answers, and how files are addressed. */
import { Type, type Static } from 'typebox';

/** A stored file: its SHA-256, size and the media type sniffed from its bytes. */
export const EvidenceInfo = Type.Object({
  sha256: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String({ description: 'sniffed from the bytes, not taken from the upload' }),
});
export type EvidenceInfo = Static<typeof EvidenceInfo>;

export const UploadHeaders = Type.Object({
  'x-content-sha256': Type.Optional(
    Type.String({
      pattern: '^[0-9a-fA-F]{64}$',
      description: 'refuse the upload unless the bytes have this SHA-256',
    }),
  ),
});
export type UploadHeaders = Static<typeof UploadHeaders>;

export const Sha256Params = Type.Object({ sha256: Type.String({ pattern: '^[0-9a-fA-F]{64}$' }) });
export type Sha256Params = Static<typeof Sha256Params>;

/** A file's bytes, as uploaded. */
export const EvidenceFile = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });
