import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ComponentsResponse,
  ModelFilter,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** Filters of `GET /v1/components`; every field optional. @public */
export interface ComponentsQuery {
  owner?: string;
  system?: string;
  domain?: string;
  model?: ModelFilter;
  platform?: string;
}

/**
 * Client of the arch-tradeoffs backend.
 * @public
 */
export interface ArchTradeoffsApi {
  getComponents(query?: ComponentsQuery): Promise<ComponentsResponse>;
}

/**
 * One ref for both frontend systems: legacy `createApiFactory` and the new `ApiBlueprint` accept it.
 * @public
 */
export const archTradeoffsApiRef = createApiRef<ArchTradeoffsApi>().with({
  id: 'plugin.arch-tradeoffs.service',
  pluginId: 'arch-tradeoffs',
});
