import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  archTradeoffsPermissions,
  createPriceBook,
  readArchTradeoffsConfig,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { createRouter } from './router';
import { configFingerprint, readBackendSettings } from './config';
import { SnapshotStore } from './database/SnapshotStore';
import { SnapshotRefresher } from './refresh/SnapshotRefresher';
import { ArchTradeoffsService } from './services/ArchTradeoffsService';
import { ComponentReader } from './services/ComponentReader';
import { ComponentAssessor } from './services/ComponentAssessor';
import { ReadAccess } from './permissions/ReadAccess';
import { UsageMeter } from './usage/UsageMeter';

/** The scheduler's task id; several replicas share it, so one of them runs each refresh. */
export const REFRESH_TASK_ID = 'arch-tradeoffs-refresh';

/**
 * The arch-tradeoffs backend plugin: refreshes snapshots of every catalog component's assessment on a
 * schedule, and serves them, team scorecards, suggestions and decisions under `/api/arch-tradeoffs`.
 * @public
 */
export const archTradeoffsPlugin = createBackendPlugin({
  pluginId: 'arch-tradeoffs',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, httpRouter, scheduler } = deps;
        const engine = readArchTradeoffsConfig(config);
        const settings = readBackendSettings(config);
        deps.permissionsRegistry.addPermissions(archTradeoffsPermissions);
        // Built once: a bad price override stops start-up with a message naming the key.
        const priceBook = createPriceBook(engine.pricing);
        const { usage } = settings;
        const parseOptions = { defaults: engine.defaults, driftFactor: usage.driftFactor };
        const assessor = new ComponentAssessor(priceBook, parseOptions, engine.inference);
        const store = await SnapshotStore.create(deps.database);
        const fingerprint = configFingerprint(engine, settings);

        const refresher = new SnapshotRefresher({
          reader: new ComponentReader(deps.catalog, engine.inference),
          assessor,
          store,
          auth: deps.auth,
          logger,
          weights: settings.weights,
          retentionDays: settings.retentionDays,
          currency: priceBook.currency,
          meter: usage.prometheus && new UsageMeter(usage.prometheus, logger),
          fingerprint,
        });
        const service = new ArchTradeoffsService(
          store,
          assessor,
          new ReadAccess({ permissions: deps.permissions, catalog: deps.catalog, entities: store, logger }),
          settings.weights,
          fingerprint,
          // The scheduler runs it on one replica; one already running (a conflict) is what was asked for.
          () =>
            scheduler.triggerTask(REFRESH_TASK_ID).catch(error => {
              if (error?.name !== 'ConflictError') logger.warn(`Could not ask for a refresh: ${error}`);
            }),
        );
        // A global task: the scheduler's lock in the database lets one replica run each refresh.
        await scheduler.scheduleTask({
          id: REFRESH_TASK_ID,
          ...settings.schedule,
          fn: async () => {
            await refresher.refresh();
            service.published();
          },
        });

        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            service,
            whatIf: { priceBook, defaults: engine.defaults, inference: engine.inference },
            logger,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
