/** Facts about this instance and the probes. */
import { Type, type Static } from 'typebox';

export const Instance = Type.Object({
  name: Type.String(),
  version: Type.String(),
  demo: Type.Boolean(),
  mapTiles: Type.Union([Type.String(), Type.Null()], {
    description:
      'raster tile URL template ({z}/{x}/{y}) for maps; null: maps use the offline basemap',
  }),
});
export type Instance = Static<typeof Instance>;

export const Liveness = Type.Object({ status: Type.Literal('ok') });
export type Liveness = Static<typeof Liveness>;

export const Readiness = Type.Object({ status: Type.Literal('ready') });
export type Readiness = Static<typeof Readiness>;
