import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
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

/**
 * The arch-tradeoffs plugin for apps on the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'arch-tradeoffs',
  title: 'Architecture trade-offs',
  icon: <CompareArrowsIcon fontSize="inherit" />,
  extensions: [api, page],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
