import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { archTradeoffsDecidePermission } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/**
 * The permissions service as a backend with this policy would answer: `read` for
 * `catalog.entity.read` (ALLOW, DENY, or the conditions a policy returns, such as
 * `createCatalogConditionalDecision` builds), `decide` for the plugin's decide permission, ALLOW for
 * anything else. `read` is a function so that a test can change the policy while the backend runs.
 */
export function permissionPolicy(options: {
  read?: () => PolicyDecision;
  decide?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}) {
  const read = options.read ?? (() => ({ result: AuthorizeResult.ALLOW }));
  const decide = options.decide ?? AuthorizeResult.ALLOW;
  const definitive = (name: string) => {
    if (name === archTradeoffsDecidePermission.name) return { result: decide };
    if (name === catalogEntityReadPermission.name) {
      const decision = read();
      // Applying conditions to one resource is the permission framework's job; no route asks for it.
      if (decision.result === AuthorizeResult.CONDITIONAL) {
        throw new Error('authorize() of catalog.entity.read with a conditional policy');
      }
      return { result: decision.result };
    }
    return { result: AuthorizeResult.ALLOW };
  };
  // A plain implementation rather than a jest mock, so that the load bench can use it too.
  const permissions: PermissionsService = {
    authorize: async requests => requests.map(r => definitive(r.permission.name)),
    authorizeConditional: async requests =>
      requests.map(r =>
        r.permission.name === catalogEntityReadPermission.name ? read() : definitive(r.permission.name),
      ),
  };
  return createServiceFactory({ service: coreServices.permissions, deps: {}, factory: () => permissions });
}
