import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { archTradeoffsApiRef } from './api/ArchTradeoffsApi';
import { ArchTradeoffsClient } from './api/ArchTradeoffsClient';
import { rootRouteRef } from './routes';

/**
 * The arch-tradeoffs plugin for apps on the legacy frontend system. Apps on the new frontend system
 * install `@arch-tradeoffs/plugin-arch-tradeoffs/alpha` instead.
 * @public
 */
export const archTradeoffsPlugin = createPlugin({
  id: 'arch-tradeoffs',
  apis: [
    createApiFactory({
      api: archTradeoffsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ArchTradeoffsClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The org-wide page; mount it at `/arch-tradeoffs`.
 * @public
 */
export const ArchTradeoffsPage: () => JSX.Element = archTradeoffsPlugin.provide(
  createRoutableExtension({
    name: 'ArchTradeoffsPage',
    component: () =>
      import('./components/ArchTradeoffsPage').then(m => m.ArchTradeoffsPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Component entity card: model, cost range, suggestion, break-even and posture at a glance.
 * @public
 */
export const EntityArchTradeoffsCard: () => JSX.Element = archTradeoffsPlugin.provide(
  createComponentExtension({
    name: 'EntityArchTradeoffsCard',
    component: {
      lazy: () => import('./components/EntityAssessment').then(m => m.EntityArchTradeoffsCard),
    },
  }),
);

/**
 * Component entity tab: the full assessment and the what-if panel.
 * @public
 */
export const EntityArchTradeoffsContent: () => JSX.Element = archTradeoffsPlugin.provide(
  createComponentExtension({
    name: 'EntityArchTradeoffsContent',
    component: {
      lazy: () => import('./components/EntityAssessment').then(m => m.EntityArchTradeoffsContent),
    },
  }),
);

/**
 * Group entity card: the team's score, its checks, direct vs aggregated figures and the trend.
 * @public
 */
export const EntityTeamScorecardCard: () => JSX.Element = archTradeoffsPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamScorecardCard',
    component: {
      lazy: () => import('./components/Scorecards').then(m => m.EntityTeamScorecardCard),
    },
  }),
);
