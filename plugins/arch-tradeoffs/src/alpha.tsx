import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import CompareArrowsIcon from '@material-ui/icons/CompareArrows';
import { archTradeoffsApiRef } from './api/ArchTradeoffsApi';
import { ArchTradeoffsClient } from './api/ArchTradeoffsClient';
import { rootRouteRef } from './routes';

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: archTradeoffsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ArchTradeoffsClient(deps),
    }),
});

const page = PageBlueprint.make({
  params: {
    path: '/arch-tradeoffs',
    title: 'Architecture trade-offs',
    icon: <CompareArrowsIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/ArchTradeoffsPage').then(m => <m.ArchTradeoffsContent />),
  },
});

/** On every Component page: unannotated ones get the missing-annotation state, which says how to start. */
const componentCard = EntityCardBlueprint.make({
  name: 'component',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityAssessment').then(m => <m.EntityArchTradeoffsCard />),
  },
});

const componentContent = EntityContentBlueprint.make({
  name: 'component',
  params: {
    path: '/arch-tradeoffs',
    title: 'Trade-offs',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityAssessment').then(m => <m.EntityArchTradeoffsContent />),
  },
});

const teamScorecardCard = EntityCardBlueprint.make({
  name: 'team-scorecard',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/Scorecards').then(m => <m.EntityTeamScorecardCard />),
  },
});

/**
 * The arch-tradeoffs plugin for apps on the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'arch-tradeoffs',
  title: 'Architecture trade-offs',
  icon: <CompareArrowsIcon fontSize="inherit" />,
  extensions: [api, page, componentCard, componentContent, teamScorecardCard],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
