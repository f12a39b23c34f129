import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Recording a decision (accept, dismiss, snooze) on a migration suggestion.
 * @public
 */
export const archTradeoffsDecidePermission = createPermission({
  name: 'arch-tradeoffs.suggestion.decide',
  attributes: { action: 'update' },
});

/** Every permission the plugin defines, for `permissionsRegistry.addPermissions`. @public */
export const archTradeoffsPermissions = [archTradeoffsDecidePermission];
