import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { REFRESH_TASK_ID } from '../plugin';

/**
 * A test-only module that hands out the plugin's scheduler, so a test can run a refresh when it
 * chooses. With the test backend's mock scheduler, `refresh()` resolves once the refresh has finished.
 */
export function refreshTrigger() {
  let scheduler: SchedulerService | undefined;
  const module = createBackendModule({
    pluginId: 'arch-tradeoffs',
    moduleId: 'test-refresh-trigger',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init(deps) {
          scheduler = deps.scheduler;
        },
      });
    },
  });
  return {
    module,
    refresh: () => scheduler!.triggerTask(REFRESH_TASK_ID),
  };
}
