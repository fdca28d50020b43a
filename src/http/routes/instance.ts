/** Facts about this instance, and the role table. */
import { Type } from 'typebox';
import { ROLE_DESCRIPTIONS, ROLE_VERBS, ROLES } from '../../core/auth/permissions.js';
import type { Services } from '../../services.js';
import { PUBLIC } from '../access.js';
import type { App } from '../app.js';
import { AUTHENTICATED_ERRORS, errorResponses, RoleSchema } from '../schemas.js';

/** `mapTiles`: the raster tile URL template maps use instead of the offline basemap, or null. */
export function instanceRoutes(
  app: App,
  services: Services,
  settings: { readonly mapTiles: string | null } = { mapTiles: null },
): void {
  app.get(
    '/api/v1/instance',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['instance'],
        summary: 'Name, version, and whether this instance holds demo data',
        response: {
          200: Type.Object({
            name: Type.String(),
            version: Type.String(),
            demo: Type.Boolean(),
            mapTiles: Type.Union([Type.String(), Type.Null()], {
              description:
                'raster tile URL template ({z}/{x}/{y}) for maps; null: maps use the offline basemap',
            }),
          }),
        },
      },
    },
    async () => ({ ...(await services.instance.describe()), mapTiles: settings.mapTiles }),
  );

  app.get(
    '/api/v1/roles',
    {
      config: { access: { verb: 'user.manage' } },
      schema: {
        tags: ['users'],
        summary: 'The roles and the permission verbs each holds',
        response: {
          200: Type.Object({
            roles: Type.Array(
              Type.Object({
                role: RoleSchema,
                description: Type.String(),
                verbs: Type.Array(Type.String()),
              }),
            ),
          }),
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async () => ({
      roles: ROLES.map((role) => ({
        role,
        description: ROLE_DESCRIPTIONS[role],
        verbs: [...ROLE_VERBS[role]],
      })),
    }),
  );
}
