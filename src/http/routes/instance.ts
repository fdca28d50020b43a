/** Facts about this instance, and the role table. */
import type { Services } from '../../services.js';
import { PUBLIC } from '../access.js';
import type { App } from '../app-instance.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../error-responses.js';
import { presentRoles } from '../presenters/users.js';
import { Instance } from '../schemas/instance.js';
import { RoleList } from '../schemas/users.js';

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
          200: Instance,
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
          200: RoleList,
          ...errorResponses(...AUTHENTICATED_ERRORS),
        },
      },
    },
    async () => presentRoles(),
  );
}
