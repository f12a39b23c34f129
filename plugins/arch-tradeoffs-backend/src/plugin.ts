import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  archTradeoffsPermissions,
  createAssessor,
  createPriceBook,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { createRouter } from './router';
import { ComponentReader } from './services/ComponentReader';
import { readArchTradeoffsConfig } from './config';

/**
 * The arch-tradeoffs backend plugin: assesses catalog components and serves the results under
 * `/api/arch-tradeoffs`.
 * @public
 */
export const archTradeoffsPlugin = createBackendPlugin({
  pluginId: 'arch-tradeoffs',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, httpAuth, httpRouter, permissionsRegistry, catalog }) {
        const settings = readArchTradeoffsConfig(config);
        permissionsRegistry.addPermissions(archTradeoffsPermissions);
        // Built once: a bad price override stops start-up with a message naming the key.
        const priceBook = createPriceBook(settings.pricing);
        const assess = createAssessor({ priceBook });
        const parseOptions = { defaults: settings.defaults };
        const components = new ComponentReader(catalog, assess, parseOptions);
        httpRouter.use(await createRouter({ httpAuth, components, assess, parseOptions, logger }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
